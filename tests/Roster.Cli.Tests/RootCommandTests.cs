using Roster.Testing.Processes;

namespace Roster.Cli.Tests;

public sealed class RootCommandTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_ListsTheCommands(string flag)
    {
        var (exitCode, stdout, _) = await RosterCli.RunAsync(flag);

        Assert.Equal(0, exitCode);
        Assert.Contains(stdout, l => l.TrimStart().StartsWith("service ", StringComparison.Ordinal));
        Assert.Contains(stdout, l => l.TrimStart().StartsWith("agent ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServiceHelp_ListsTheServices()
    {
        var (exitCode, stdout, _) = await RosterCli.RunAsync("service", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(stdout, l => l.TrimStart().StartsWith("basic-web ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "--no-such-flag" }, "'--no-such-flag'")]
    [InlineData(new[] { "frobnicate" }, "'frobnicate'")]
    [InlineData(new[] { "service", "no-such-service", "0" }, "'no-such-service'")]
    public async Task UnknownFlagOrCommand_ExitsTwoWithOneLineNamingIt(string[] arguments, string named)
    {
        var (exitCode, stdout, stderr) = await RosterCli.RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(named, Assert.Single(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_ExitsTwoPointingAtHelp()
    {
        var (exitCode, _, stderr) = await RosterCli.RunAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("roster --help", Assert.Single(stderr), StringComparison.Ordinal);
    }
}
