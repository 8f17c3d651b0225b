using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Registry;

namespace Roster.Cli.Tests.Status;

/// <summary>`roster status` against a real agent and a real service, and without a registry.</summary>
public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_Piped_ListsTheInstanceInPlainText()
    {
        await using var agent = await RosterAgentProcess.StartAsync();
        await using var data = await RosterService.StartAsync("data", "--consul", agent.Address);
        await RegistryWait.PassingAsync(agent.Url, "data", 1);

        var result = await RosterCli.RunAsync("status", "--consul", agent.Address);

        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(result.Stdout, l => l.StartsWith("data ", StringComparison.Ordinal));
        Assert.Contains($"127.0.0.1:{data.Port}", row, StringComparison.Ordinal);
        Assert.Contains($" {data.Pid} ", row, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Stdout, l => l.Contains('\e', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_NoRegistry_ExitsOneSayingWhere()
    {
        var nobody = FreePort.Next();

        var result = await RosterCli.RunAsync("status", "--consul", $"127.0.0.1:{nobody}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"no registry answered at http://127.0.0.1:{nobody}/", Assert.Single(result.Stderr), StringComparison.Ordinal);
    }
}
