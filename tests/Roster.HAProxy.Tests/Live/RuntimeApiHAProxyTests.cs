using System.Net;
using Roster.HAProxy.Live;
using Roster.HAProxy.Servers;
using Roster.HAProxy.Tests.Master;
using Roster.Testing;
using Roster.Testing.Processes;
using Xunit.Abstractions;

namespace Roster.HAProxy.Tests.Live;

/// <summary>RuntimeApi against a real HAProxy with real basic-web backends: the replies the fakes assume, and a live add/remove.</summary>
public sealed class RuntimeApiHAProxyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Backend = TestHAProxyConfig.Backend;

    private RunningHAProxy _haproxy = null!;
    private RuntimeApi _api = null!;

    public async Task InitializeAsync()
    {
        _haproxy = await RunningHAProxy.StartAsync(output);
        _api = new RuntimeApi(_haproxy.AdminSocket, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _haproxy.DisposeAsync();

    [Fact]
    public async Task AddThenRemove_NewInstance_ServesThenIsGone()
    {
        // Zero failed requests under load through the same calls is the end-to-end walkthrough's job (real roster lb).
        await using var second = await RosterService.StartAsync("basic-web");

        await _api.AddAsync(Backend, new BackendServer("d1", IPAddress.Loopback, second.Port), TestHAProxyConfig.ServerOptions, CancellationToken.None);
        await WhenServedAsync(second.Pid);
        var added = await _api.ServersAsync(Backend, CancellationToken.None);
        await _api.RemoveAsync(Backend, added.Single(s => s.Name == "d1"), CancellationToken.None);

        Assert.Contains(new CurrentServer("d1", IPAddress.Loopback, second.Port, ServerAdminState.Ready), added);
        Assert.DoesNotContain(await _api.ServersAsync(Backend, CancellationToken.None), s => s.Name == "d1");
        Assert.All(await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _haproxy.GetAsync())), reply => Assert.Equal(_haproxy.Backend.Pid, reply.Pid));
    }

    [Fact]
    public async Task Commands_HAProxyRefuses_ExceptionCarriesItsText()
    {
        var duplicate = await Assert.ThrowsAsync<HAProxyCommandException>(
            () => _api.AddAsync(Backend, new BackendServer("s1", IPAddress.Loopback, _haproxy.Backend.Port), "", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<HAProxyCommandException>(
            () => _api.RemoveAsync(Backend, new CurrentServer("nope", IPAddress.Loopback, 1, ServerAdminState.Ready), CancellationToken.None));
        var noHealth = await Assert.ThrowsAsync<HAProxyCommandException>(
            () => _api.AddAsync(Backend, new BackendServer("plain", IPAddress.Loopback, _haproxy.Backend.Port), "", CancellationToken.None));

        Assert.Equal("Already exists a server with the same name in backend.", duplicate.Reply.Trim());
        Assert.Equal("No such server.", unknown.Reply.Trim());
        Assert.Equal("Health check was not configured on this server, cannot enable.", noHealth.Reply.Trim());
    }

    [Fact]
    public async Task EnableAsync_ServerInMaint_ReadyAgainAndSavedStateSaysSo()
    {
        var path = _haproxy.Run.File("server-state");
        await UnixSocketCommand.SendAsync(_haproxy.AdminSocket, $"set server {Backend}/s1 state maint", CancellationToken.None);
        var before = (await _api.ServersAsync(Backend, CancellationToken.None)).Single(s => s.Name == "s1");

        await _api.EnableAsync(Backend, new BackendServer("s1", IPAddress.Loopback, _haproxy.Backend.Port), CancellationToken.None);
        await _api.SaveStateAsync(Backend, path, CancellationToken.None);

        var after = (await _api.ServersAsync(Backend, CancellationToken.None)).Single(s => s.Name == "s1");
        var state = await File.ReadAllTextAsync(path);
        Assert.Equal((ServerAdminState.Maint, ServerAdminState.Ready), (before.AdminState, after.AdminState));
        Assert.StartsWith("1\n# be_id be_name srv_id srv_name", state, StringComparison.Ordinal);
        Assert.Contains($" {Backend} 1 s1 127.0.0.1 ", state, StringComparison.Ordinal);
    }

    private async Task WhenServedAsync(int pid)
    {
        using var deadline = new CancellationTokenSource(Timeouts.Ready);
        while ((await _haproxy.GetAsync()).Pid != pid)
        {
            // HAProxy gives no notice when a new server's first check passes: ask until it answers.
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }
}
