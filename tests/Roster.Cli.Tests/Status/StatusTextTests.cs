using Roster.Cli.Status;

namespace Roster.Cli.Tests.Status;

/// <summary>roster status as text: columns that line up, colour on a terminal, plain words when piped.</summary>
public sealed class StatusTextTests
{
    private static readonly StatusReport Report = new(
        "http://127.0.0.1:8500/",
        [
            new StatusInstance("data", "data-1", "127.0.0.1", 30001, 101, "passing", null, null),
            new StatusInstance("www", "www-long-instance-id", "127.0.0.1", 20001, 202, "critical", "DOWN", 0),
        ],
        [new StatusBalancer("www", "127.0.0.1:8000", "runtime", 303, "runtime api", [new StatusServer("gone", "127.0.0.1:20002", "DRAIN", 1)])]);

    [Fact]
    public void Write_Piped_PlainAlignedColumns()
    {
        var lines = Render(color: false);

        Assert.DoesNotContain(lines, l => l.Contains('\e', StringComparison.Ordinal));
        var header = lines.Single(l => l.StartsWith("SERVICE", StringComparison.Ordinal));
        var www = lines.Single(l => l.StartsWith("www ", StringComparison.Ordinal));
        Assert.Equal(header.IndexOf("HEALTH", StringComparison.Ordinal), www.IndexOf("critical", StringComparison.Ordinal));
        Assert.Equal(header.IndexOf("HAPROXY", StringComparison.Ordinal), www.IndexOf("DOWN", StringComparison.Ordinal));
        Assert.Equal(header.IndexOf("INSTANCE", StringComparison.Ordinal), lines.Single(l => l.StartsWith("data ", StringComparison.Ordinal)).IndexOf("data-1", StringComparison.Ordinal));
        Assert.Contains("haproxy for www on 127.0.0.1:8000 (pid 303, runtime mode, read from the runtime api)", lines);
        Assert.Contains(lines, l => l.StartsWith("gone", StringComparison.Ordinal) && l.Contains("DRAIN", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Terminal_ColoursHealthAndState()
    {
        var text = string.Join('\n', Render(color: true));

        Assert.Contains("\e[32mpassing", text, StringComparison.Ordinal);
        Assert.Contains("\e[31mcritical", text, StringComparison.Ordinal);
        Assert.Contains("\e[31mDOWN", text, StringComparison.Ordinal);
        Assert.Contains("\e[33mDRAIN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoInstances_SaysSo()
    {
        var lines = Render(color: false, Report with { Instances = [], Balancers = [] });

        Assert.Contains("no instances registered", lines);
    }

    private static List<string> Render(bool color, StatusReport? report = null)
    {
        using var output = new StringWriter();
        StatusText.Write(report ?? Report, output, color);
        return [.. output.ToString().Split(Environment.NewLine)];
    }
}
