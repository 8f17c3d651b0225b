using System.Net;
using Roster.HAProxy.Live;
using Roster.HAProxy.Servers;
using Roster.Testing;

namespace Roster.HAProxy.Tests.Live;

/// <summary>Command texts and reply handling against a scripted socket; the real replies are pinned by <see cref="RuntimeApiHAProxyTests"/>.</summary>
public sealed class RuntimeApiTests : IAsyncLifetime
{
    private const string Deleted = "Server deleted.\n";
    private const string StillConnected = "Server still has connections attached to it, cannot remove it.\n";

    private readonly RunDirectory _run = new();
    private readonly Dictionary<string, Func<string>> _replies = new(StringComparer.Ordinal);
    private FakeHAProxySocket _socket = null!;
    private RuntimeApi _api = null!;

    public Task InitializeAsync()
    {
        _socket = new FakeHAProxySocket(_run.File("admin.sock"), c => _replies.TryGetValue(c, out var reply) ? reply() : "\n");
        _api = new RuntimeApi(_socket.Path, TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _socket.DisposeAsync();
        _run.Dispose();
    }

    [Fact]
    public async Task AddAsync_IPv4AndIPv6_AddsWithOptionsThenEnablesHealthAndServer()
    {
        _replies["add server be/a 127.0.0.1:20001 check inter 500"] = () => "New server registered.\n\n";
        _replies["add server be/b [::1]:20002 check inter 500"] = () => "New server registered.\n\n";

        await _api.AddAsync("be", new BackendServer("a", IPAddress.Loopback, 20001), "check inter 500", CancellationToken.None);
        await _api.AddAsync("be", new BackendServer("b", IPAddress.IPv6Loopback, 20002), "check inter 500", CancellationToken.None);

        Assert.Equal(
            ["add server be/a 127.0.0.1:20001 check inter 500", "enable health be/a", "enable server be/a",
             "add server be/b [::1]:20002 check inter 500", "enable health be/b", "enable server be/b"],
            _socket.Commands);
    }

    [Fact]
    public async Task AddAsync_Refused_ThrowsHAProxysTextAndEnablesNothing()
    {
        _replies["add server be/a 127.0.0.1:20001 foo"] = () => "unknown keyword 'foo'; did you mean 'tfo' maybe ?\n\n";

        var error = await Assert.ThrowsAsync<HAProxyCommandException>(
            () => _api.AddAsync("be", new BackendServer("a", IPAddress.Loopback, 20001), "foo", CancellationToken.None));

        Assert.Contains("unknown keyword 'foo'", error.Reply, StringComparison.Ordinal);
        Assert.Equal(["add server be/a 127.0.0.1:20001 foo"], _socket.Commands);
    }

    [Fact]
    public async Task RemoveAsync_SessionsThenStillConnected_DrainWaitMaintDeleteRetried()
    {
        var sessions = new Queue<int>([2, 1, 0]);
        var deletes = new Queue<string>([StillConnected, StillConnected, Deleted]);
        _replies["show stat"] = () => Stat(sessions.Dequeue());
        _replies["del server be/a"] = deletes.Dequeue;

        await _api.RemoveAsync("be", new CurrentServer("a", IPAddress.Loopback, 20001, ServerAdminState.Ready), CancellationToken.None);

        Assert.Equal(
            ["set server be/a state drain", "show stat", "show stat", "show stat", "set server be/a state maint", "del server be/a", "del server be/a", "del server be/a"],
            _socket.Commands);
    }

    [Fact]
    public async Task RemoveAsync_AlreadyInMaint_DeletesWithoutDraining()
    {
        _replies["del server be/a"] = () => Deleted;

        await _api.RemoveAsync("be", new CurrentServer("a", IPAddress.Loopback, 20001, ServerAdminState.Maint), CancellationToken.None);

        Assert.Equal(["del server be/a"], _socket.Commands);
    }

    [Fact]
    public async Task ServersAsync_ServersState_AdminStateFromItsBits()
    {
        _replies["show servers state be"] = () =>
            "1\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port\n" +
            "3 be 1 up 127.0.0.1 2 0 1 1 5 6 3 4 6 0 0 0 - 20001\n" +
            "3 be 2 draining 127.0.0.1 2 8 1 1 5 6 3 4 6 0 0 0 - 20002\n" +
            "3 be 3 maint 127.0.0.1 0 1 1 1 5 6 3 4 6 0 0 0 - 20003\n" +
            "3 be 4 noaddr - 0 32 1 1 5 6 3 4 6 0 0 0 - 0\n\n";

        var servers = await _api.ServersAsync("be", CancellationToken.None);

        Assert.Equal(
            [new("up", IPAddress.Loopback, 20001, ServerAdminState.Ready), new("draining", IPAddress.Loopback, 20002, ServerAdminState.Drain),
             new("maint", IPAddress.Loopback, 20003, ServerAdminState.Maint), new CurrentServer("noaddr", null, 0, ServerAdminState.Maint)],
            servers);
    }

    [Theory]
    [InlineData("be;shutdown sessions", "a")]
    [InlineData("be", "a b")]
    [InlineData("be", "a/b")]
    public async Task RemoveAsync_NameThatCouldInject_RefusedBeforeSending(string backend, string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _api.RemoveAsync(backend, new CurrentServer(name, IPAddress.Loopback, 1, ServerAdminState.Ready), CancellationToken.None));

        Assert.Empty(_socket.Commands);
    }

    private static string Stat(int sessions) => $"# pxname,svname,scur,status,\nbe,a,{sessions},DRAIN,\nbe,BACKEND,{sessions},UP,\n\n";
}
