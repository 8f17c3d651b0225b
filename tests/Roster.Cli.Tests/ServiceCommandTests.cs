using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Roster.Testing.Processes;

namespace Roster.Cli.Tests;

/// <summary>`roster service basic-web PORT [--bind ADDR]` as a user runs it: a real process on a real port.</summary>
public sealed class ServiceCommandTests
{
    [Fact]
    public async Task BasicWeb_PortZero_PrintsTheBoundPortAndServesItsOwnPid()
    {
        await using var service = await RosterService.StartAsync("basic-web");
        using var http = new HttpClient();

        using var reply = JsonDocument.Parse(await http.GetStringAsync(service.Url));

        Assert.NotEqual(0, service.Port);
        Assert.Equal(JsonValueKind.Null, reply.RootElement.GetProperty("data").ValueKind);
        Assert.Equal(service.Pid, reply.RootElement.GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task BasicWeb_ByDefault_ListensOnLoopbackOnly()
    {
        await using var service = await RosterService.StartAsync("basic-web");

        Assert.Equal("127.0.0.1", service.Url.Host);
    }

    [Fact]
    public async Task BasicWeb_BindIpv6Loopback_ListensThere()
    {
        await using var service = await RosterService.StartAsync("basic-web", "--bind", "::1");
        using var http = new HttpClient();

        Assert.Equal("[::1]", service.Url.Host);
        Assert.Equal("ok", await http.GetStringAsync(new Uri(service.Url, "/health")));
    }

    [Theory]
    [InlineData(UnixSignal.Terminate)]
    [InlineData(UnixSignal.Interrupt)]
    public async Task BasicWeb_OnSignal_StopsCleanlyWithExitCodeZero(UnixSignal signal)
    {
        await using var service = await RosterService.StartAsync("basic-web");

        service.Process.Signal(signal);

        Assert.Equal(0, await service.Process.WaitForExitAsync());
        Assert.Empty(service.Process.StandardError);
    }

    [Theory]
    [InlineData("abc", "invalid port 'abc'")]
    [InlineData("70000", "invalid port '70000'")]
    [InlineData("-1", "invalid port '-1'")]
    [InlineData("20001x", "invalid port '20001x'")]
    public async Task BasicWeb_BadPort_ExitsTwoWithOneLineNamingIt(string port, string expected)
    {
        var (exitCode, stdout, stderr) = await RosterCli.RunAsync("service", "basic-web", port);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(expected, Assert.Single(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BasicWeb_PortInUse_ExitsTwoWithOneLineNamingThePort()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var (exitCode, stdout, stderr) = await RosterCli.RunAsync("service", "basic-web", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal($"roster: port {port} is already in use on 127.0.0.1", Assert.Single(stderr));
    }

    [Fact]
    public async Task BasicWeb_BadBindAddress_ExitsTwoWithOneLineNamingIt()
    {
        var (exitCode, _, stderr) = await RosterCli.RunAsync("service", "basic-web", "0", "--bind", "not-an-ip");

        Assert.Equal(2, exitCode);
        Assert.Contains("invalid address 'not-an-ip'", Assert.Single(stderr), StringComparison.Ordinal);
    }
}
