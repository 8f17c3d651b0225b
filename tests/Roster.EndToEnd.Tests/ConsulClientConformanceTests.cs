using Roster.Testing.Processes;
using Roster.Testing.Repository;

namespace Roster.EndToEnd.Tests;

/// <summary>
/// Clients written for Consul by other people, run unchanged against `roster agent`: Debian's python3-consul and
/// npm's consul package (2.0.1, and 0.27.0 as the Node seed pinned). Each script registers, heartbeats, blocks on
/// health, reads the catalog, uses KV with CAS and deregisters (tests/conformance/README.md).
/// </summary>
public sealed class ConsulClientConformanceTests
{
    [Fact]
    public Task NpmConsul2_DefaultAgent_PassesEveryStep() =>
        AssertPassesAsync(agentArguments: [], "node", Conformance("node", "conformance.js"), "modern");

    [Fact]
    public Task NpmConsul027_LegacyVerbsAgent_PassesEveryStep() =>
        AssertPassesAsync(agentArguments: ["-legacy-verbs"], "node", Conformance("node", "conformance.js"), "legacy");

    [Fact]
    public Task DebianPythonConsul_LegacyVerbsAgent_PassesEveryStep() =>
        AssertPassesAsync(agentArguments: ["-legacy-verbs"], "/usr/bin/python3", Conformance("python", "conformance.py"));

    [Fact]
    public async Task NpmConsul027_DefaultAgent_IsRefusedItsGetHeartbeatAsConsul1Does()
    {
        await using var agent = await RosterAgentProcess.StartAsync();
        await using var client = StartClient(agent, "node", Conformance("node", "conformance.js"), "legacy");

        Assert.NotEqual(0, await client.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        Assert.Contains(client.StandardOutput, l => l.StartsWith("FAIL c-", StringComparison.Ordinal));
    }

    private static async Task AssertPassesAsync(string[] agentArguments, string program, params string[] arguments)
    {
        await using var agent = await RosterAgentProcess.StartAsync(agentArguments);
        await using var client = StartClient(agent, program, arguments);

        var exitCode = await client.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exitCode == 0, $"{client.Describe()}\nagent:\n{agent.Process.Describe()}");
    }

    private static ChildProcess StartClient(RosterAgentProcess agent, string program, params string[] arguments) =>
        ChildProcess.Start(program, arguments, environment: new Dictionary<string, string> { ["CONSUL_HTTP_ADDR"] = agent.Address });

    private static string Conformance(params string[] path) => RepositoryRoot.Combine(["tests", "conformance", .. path]);
}
