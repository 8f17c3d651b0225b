using Microsoft.Extensions.Time.Testing;
using Roster.Templating.Data;
using Roster.Templating.Execution;
using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

/// <summary>consul-template's template_test.go helper cases rendered through the engine, to check the calling contract.</summary>
public class TemplateRenderTests
{
    private static readonly FunctionTable Funcs = FunctionTable.Builtins
        .With(ConsulTemplateFunctions.Pure(new FakeTimeProvider(DateTimeOffset.UnixEpoch), n => n == "CT_TEST" ? "1" : null));

    private static readonly Dictionary<string, object?> Data = new()
    {
        ["Services"] = new List<HealthService>
        {
            new() { Address = "1.2.3.4", Tags = new(["prod", "staging"]) },
            new() { Address = "5.6.7.8", Tags = new(["staging"]) },
        },
        ["Pairs"] = new List<KeyPair> { new() { Key = "" }, new() { Key = "foo/bar", Value = "a" }, new() { Key = "zip/zap", Value = "b" } },
    };

    public static TheoryData<string, string> Cases => new()
    {
        { """{{ "a,b,c" | split "," | join ";" }}""", "a;b;c" },
        { """{{ "a,b,c" | split "," }}""", "[a b c]" },
        { """{{ "a,b,c" | split "," | toJSON }}""", "[\"a\",\"b\",\"c\"]" },
        { """{{ range $tag, $s := .Services | byTag }}{{ $tag }}:{{ range $s }}{{ .Address }}{{ end }}{{ end }}""", "prod:1.2.3.4staging:1.2.3.45.6.7.8" },
        { """{{ range .Services }}{{ if .Tags | contains "prod" }}{{ .Address }}{{ end }}{{ end }}""", "1.2.3.4" },
        { """{{ range .Services }}{{ if "prod" | in .Tags }}{{ .Address }}{{ end }}{{ end }}""", "1.2.3.4" },
        { """{{ $t := parseJSON "[\"prod\",\"x\"]" }}{{ range .Services }}{{ if .Tags | containsAny $t }}{{ .Address }}{{ end }}{{ end }}""", "1.2.3.4" },
        { """{{ range .Services }}{{ .Tags | join "," }};{{ end }}""", "prod,staging;staging;" },
        { """{{ range .Services }}{{ .Tags }}{{ end }}""", "[prod staging][staging]" },
        { """{{ range $key, $pairs := .Pairs | byKey }}{{ $key }}:{{ range $pairs }}{{ .Key }}={{ .Value }}{{ end }}{{ end }}""", "foo:bar=azip:zap=b" },
        { """{{ range $k, $v := .Pairs | explode }}{{ $k }}{{ $v }}{{ end }}""", "foomap[bar:a]zipmap[zap:b]" },
        { """{{ "{\"foo\": \"bar\"}" | parseJSON }}""", "map[foo:bar]" },
        { """{{ 2 | add 2 }} {{ 10 | subtract 3 }} {{ 3 | modulo 2 }} {{ 3 | minimum 2 }} {{ 1.5 | multiply 2 }}""", "4 7 1 2 3" },
        { """{{ "-1" | parseInt }} {{ "1.2" | parseFloat }} {{ "true" | parseBool }}""", "-1 1.2 true" },
        { """{{ timestamp }} {{ timestamp "2006-01-02" }} {{ env "CT_TEST" }}""", "1970-01-01T00:00:00Z 1970-01-01 1" },
        { """{{ "hello\nworld" | indent 2 }}""", "  hello\n  world" },
        { """{{ range $i := loop 3 }}{{ $i }}{{ end }}""", "012" },
        { """{{ "foo" | regexReplaceAll "(o+)" "<$1>" }}""", "f<oo>" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Execute_ConsulTemplateHelpers_RenderAsInGo(string text, string expected) =>
        Assert.Equal(expected, GoTemplate.Parse("t", text, Funcs).Execute(Data));

    // Go's ServiceTags is a named slice with methods: the engine looks up methods on list types declared outside the BCL.
    [Fact]
    public void Execute_TagsContainsMethod_CallsServiceTagsContains() =>
        Assert.Equal("1.2.3.4", GoTemplate.Parse("t", """{{ range .Services }}{{ if .Tags.Contains "prod" }}{{ .Address }}{{ end }}{{ end }}""", Funcs).Execute(Data));

    [Theory]
    [InlineData("""{{ "x" | parseInt }}""", "error calling parseInt: parseInt: strconv.ParseInt: parsing \"x\": invalid syntax")]
    [InlineData("""{{ 1 | divide 0 }}""", "error calling divide: runtime error: integer divide by zero")]
    [InlineData("""{{ "x" | regexMatch "[" }}""", "error calling regexMatch: error parsing regexp: missing closing ]: `[`")]
    public void Execute_FailingHelper_ReportsGoError(string text, string message) =>
        Assert.Contains(message, Assert.ThrowsAny<Exception>(() => GoTemplate.Parse("t", text, Funcs).Execute(Data)).Message, StringComparison.Ordinal);
}
