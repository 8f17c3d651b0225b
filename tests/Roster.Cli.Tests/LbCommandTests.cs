using Roster.Testing.Processes;

namespace Roster.Cli.Tests;

/// <summary>`roster lb`'s flags: a bad one is one line and exit 2, before anything starts.</summary>
public sealed class LbCommandTests
{
    [Theory]
    [InlineData("--mode", "bogus", "bogus")]
    [InlineData("--bind", "8000", "invalid address '8000'")]
    [InlineData("--consul", "ftp://x", "invalid agent address 'ftp://x'")]
    public async Task Lb_BadFlag_ExitsTwoWithOneLineNamingIt(string flag, string value, string named)
    {
        var result = await RosterCli.RunAsync("lb", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, Assert.Single(result.Stderr), StringComparison.Ordinal);
    }
}
