using Roster.Templating.Execution;

namespace Roster.Templating.Tests.Execution;

/// <summary>The interpreter as consul-template uses it: an HAProxy config rendered from service data, many times.</summary>
public class RealisticTemplateTests
{
    private const string HaproxyTemplate = """
        global
            maxconn 4096
        {{- range $name, $instances := .Services }}

        backend {{ $name }}
            balance roundrobin
          {{- range $i, $s := $instances }}
            server {{ $s.Node }}_{{ $i }} {{ $s.Address }}:{{ $s.Port }} check{{ if eq $s.Status "warning" }} backup{{ end }} # {{ $s.Tags | join "," }}
          {{- else }}
            # no instances
          {{- end }}
        {{- end }}

        """;

    private const string Expected = """
        global
            maxconn 4096

        backend api
            balance roundrobin
            # no instances

        backend web
            balance roundrobin
            server n1_0 10.0.0.1:8080 check # blue,v1
            server n2_1 10.0.0.2:8080 check backup # green

        """;

    private static readonly FunctionTable Funcs =
        FunctionTable.Builtins.With("join", (string sep, IEnumerable<object?> items) => string.Join(sep, items));

    private static readonly Dictionary<string, object?> Data = new()
    {
        ["Services"] = new Dictionary<string, List<Instance>>
        {
            ["web"] = [new("n1", "10.0.0.1", 8080, "passing", ["blue", "v1"]), new("n2", "10.0.0.2", 8080, "warning", ["green"])],
            ["api"] = [],
        },
    };

    [Fact]
    public void Execute_HaproxyStyleTemplate_RendersSortedBackendsWithTrimmedWhitespace()
    {
        Assert.Equal(Expected, GoTemplate.Parse("haproxy.cfg", HaproxyTemplate, Funcs).Execute(Data));
    }

    [Fact]
    public async Task Execute_SameTemplateConcurrently_GivesSameOutput()
    {
        var template = GoTemplate.Parse("haproxy.cfg", HaproxyTemplate, Funcs);
        var outputs = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => template.Execute(Data))));
        Assert.All(outputs, output => Assert.Equal(Expected, output));
    }

    public sealed record Instance(string Node, string Address, long Port, string Status, IReadOnlyList<string> Tags);
}
