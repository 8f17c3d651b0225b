using System.Net;
using System.Net.Sockets;
using Roster.Testing;
using Roster.Testing.Processes;

namespace Roster.Cli.Tests.Up;

/// <summary>`roster up`'s flags, and a start that cannot happen: one line, and nothing left running.</summary>
public sealed class UpCommandTests
{
    [Theory]
    [InlineData("--www", "-1", "invalid count '-1' for --www")]
    [InlineData("--data", "65", "invalid count '65' for --data")]
    [InlineData("--bind", "8000", "invalid address '8000'")]
    [InlineData("--http-addr", "localhost", "invalid address 'localhost'")]
    [InlineData("--consul", "ftp://x", "invalid agent address 'ftp://x'")]
    public async Task Up_BadFlag_ExitsTwoWithOneLineNamingIt(string flag, string value, string named)
    {
        var result = await RosterCli.RunAsync("up", flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, Assert.Single(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_AgentPortInUse_ExitsOneWithOneLineNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var run = new RunDirectory();

        var result = await RosterCli.RunAsync("up", "--http-addr", $"127.0.0.1:{port}", "--dns-addr", "127.0.0.1:0", "--run-dir", run.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"port {port} is already in use", Assert.Single(result.Stderr), StringComparison.Ordinal);
    }
}
