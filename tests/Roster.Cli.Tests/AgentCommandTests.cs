using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Roster.Testing.Processes;

namespace Roster.Cli.Tests;

/// <summary>`roster agent` as a user runs it: Consul's flags, one-line errors, a clean stop.</summary>
public sealed class AgentCommandTests
{
    [Fact]
    public async Task Agent_FreePort_AnswersConsulsLeaderEndpoint()
    {
        await using var agent = await RosterAgentProcess.StartAsync();
        using var http = new HttpClient();

        Assert.Equal("\"127.0.0.1:8300\"", await http.GetStringAsync(new Uri(agent.Url, "v1/status/leader")));
        Assert.Equal("127.0.0.1", agent.Url.Host);
    }

    [Theory]
    [InlineData("-http-addr", "nonsense", "invalid address 'nonsense'")]
    [InlineData("-http-addr", "127.0.0.1", "invalid address '127.0.0.1'")]
    [InlineData("-log-level", "loud", "invalid log level 'loud'")]
    [InlineData("-frobnicate", null, "'-frobnicate'")]
    public async Task Agent_BadFlag_ExitsTwoWithOneLineNamingIt(string flag, string? value, string named)
    {
        var result = await RosterCli.RunAsync(value is null ? ["agent", flag] : ["agent", flag, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, Assert.Single(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_PortInUse_ExitsTwoNamingThePort()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var result = await RosterCli.RunAsync("agent", "-http-addr", $"127.0.0.1:{port}");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"roster: port {port} is already in use on 127.0.0.1", Assert.Single(result.Stderr));
    }

    [Fact]
    public async Task Agent_Sigterm_StopsWithExitCodeZero()
    {
        await using var agent = await RosterAgentProcess.StartAsync();

        agent.Process.Signal(UnixSignal.Terminate);

        Assert.Equal(0, await agent.Process.WaitForExitAsync());
    }
}
