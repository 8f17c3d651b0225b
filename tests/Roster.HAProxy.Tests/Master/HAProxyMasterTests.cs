using System.Net.Sockets;
using System.Text;
using Roster.HAProxy.Live;
using Roster.HAProxy.Master;
using Roster.Testing;
using Xunit.Abstractions;

namespace Roster.HAProxy.Tests.Master;

/// <summary>HAProxyMaster against the real HAProxy: start, reload confirmed by show proc, refused reload, restart, stop.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // HAProxy, its sockets' modes and /proc: Linux only, like roster lb

public sealed class HAProxyMasterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RunningHAProxy _haproxy = null!;

    public async Task InitializeAsync() => _haproxy = await RunningHAProxy.StartAsync(output);

    public async Task DisposeAsync() => await _haproxy.DisposeAsync();

    [Fact]
    public async Task StartAsync_ValidConfig_ServesAsHAProxysOwnPidWithSockets0600()
    {
        var (generation, pid) = await _haproxy.GetAsync();
        var processes = await ShowProcAsync();

        Assert.Equal((1, _haproxy.Backend.Pid), (generation, pid));
        Assert.Equal(_haproxy.Master.Pid, processes.MasterPid);
        Assert.Equal("haproxy", (await File.ReadAllTextAsync($"/proc/{processes.MasterPid}/comm")).Trim());
        Assert.Single(processes.Workers);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_haproxy.Master.MasterSocketPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_haproxy.AdminSocket));
    }

    [Fact]
    public async Task ReloadConfirmedAsync_NewConfig_ConfirmedByNewWorkerAndServed()
    {
        var before = await ShowProcAsync();
        await _haproxy.WriteConfigAsync(2);

        var outcome = await _haproxy.Master.ReloadConfirmedAsync(CancellationToken.None);

        output.WriteLine($"reload confirmed after {outcome.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(outcome.Reloaded, outcome.Reason);
        var after = await ShowProcAsync();
        Assert.Equal(before.Reloads + 1, outcome.Reloads);
        Assert.Equal(before.Workers, outcome.Replaced);
        Assert.Equal(before.FailedReloads, after.FailedReloads);
        Assert.DoesNotContain(after.Workers, before.Workers.Contains);
        Assert.Equal(2, (await _haproxy.GetAsync()).Generation);
    }

    [Fact]
    public async Task ReloadConfirmedAsync_ConfigHAProxyRefuses_ReasonLoggedLiveConfigRolledBackOldWorkerServes()
    {
        var good = await File.ReadAllTextAsync(_haproxy.Master.LiveConfigPath);
        await _haproxy.WriteConfigAsync(2, "    bogus-keyword here\n");

        var outcome = await _haproxy.Master.ReloadConfirmedAsync(CancellationToken.None);

        Assert.False(outcome.Reloaded);
        Assert.Contains("unknown keyword 'bogus-keyword'", outcome.Reason, StringComparison.Ordinal);
        Assert.Contains("unknown keyword 'bogus-keyword'", await _haproxy.Log.WaitForAsync("HAProxy refused the reload", Timeouts.Ready), StringComparison.Ordinal);
        Assert.Equal(good, await File.ReadAllTextAsync(_haproxy.Master.LiveConfigPath));
        Assert.Equal(1, (await _haproxy.GetAsync()).Generation);

        // The master is still usable: the next good config goes live.
        await _haproxy.WriteConfigAsync(3);
        Assert.True(await _haproxy.Master.ReloadAsync(CancellationToken.None));
        Assert.Equal(3, (await _haproxy.GetAsync()).Generation);
    }

    [Fact]
    public async Task ReloadConfirmedAsync_MasterCliGone_ReloadsBySignalAndConfirmsInProc()
    {
        // Stands in for what 2.6.12's master CLI was seen to do under churn: stop listening while the master runs on.
        File.Delete(_haproxy.Master.MasterSocketPath);
        await _haproxy.WriteConfigAsync(2);

        var outcome = await _haproxy.Master.ReloadConfirmedAsync(CancellationToken.None);

        Assert.True(outcome.Reloaded, outcome.Reason);
        Assert.Contains("reloading with SIGUSR2", await _haproxy.Log.WaitForAsync("master CLI", Timeouts.Ready), StringComparison.Ordinal);
        Assert.Equal(2, (await _haproxy.GetAsync()).Generation);
    }

    [Fact]
    public async Task ReloadConfirmedAsync_MasterWedged_FalseThenMasterReplacedOnTheNewConfig()
    {
        // SIGSTOP stands in for the wedge seen under churn: a master that answers nothing and forks no worker.
        var restarted = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _haproxy.Master.Restarted += pid => restarted.TrySetResult(pid);
        var wedged = _haproxy.Master.Pid!.Value;
        Assert.True(UnixSignals.Send(wedged, UnixSignals.Stop));
        await _haproxy.WriteConfigAsync(2);

        var outcome = await _haproxy.Master.ReloadConfirmedAsync(CancellationToken.None);
        var pid = await restarted.Task.WaitAsync(Timeouts.Ready);

        Assert.True(outcome.Wedged, outcome.Reason);
        Assert.NotEqual(wedged, pid);
        Assert.Equal(2, (await _haproxy.GetAsync()).Generation);
    }

    [Fact]
    public async Task KilledMaster_RestartedOnTheConfigRewrittenSince()
    {
        // What runtime mode does: the config is rewritten after each Runtime API change, without a reload.
        await _haproxy.WriteConfigAsync(3);

        var restartedPid = await KillAndAwaitRestartAsync();

        Assert.Equal("haproxy", (await File.ReadAllTextAsync($"/proc/{restartedPid}/comm")).Trim());
        Assert.Equal((3, _haproxy.Backend.Pid), await _haproxy.GetAsync());
    }

    [Fact]
    public async Task KilledMaster_AfterARefusedReload_RestartedOnTheLastGoodConfig()
    {
        await _haproxy.WriteConfigAsync(2, "    bogus-keyword here\n");
        Assert.False(await _haproxy.Master.ReloadAsync(CancellationToken.None));

        await KillAndAwaitRestartAsync();

        Assert.Equal((1, _haproxy.Backend.Pid), await _haproxy.GetAsync());
    }

    [Fact]
    public async Task Reload_RequestsInFlightOnTheOldWorker_ReportedThenServedByIt()
    {
        // Requests whose headers are still coming are not idle: the old worker finishes them, and the report counts them.
        using var first = await PartialRequestAsync();
        using var second = await PartialRequestAsync();
        await _haproxy.WriteConfigAsync(2);

        var outcome = await _haproxy.Master.ReloadConfirmedAsync(CancellationToken.None);
        var closing = await _haproxy.Log.WaitForAsync($"HAProxy reload {outcome.Reloads}: old worker(s)", Timeouts.Ready);
        var replies = new[] { await FinishAsync(first), await FinishAsync(second) };
        var gone = await _haproxy.Log.WaitForAsync($"HAProxy reload {outcome.Reloads}: old worker(s) gone", Timeouts.Ready);

        Assert.Contains($"old worker(s) {outcome.Replaced.Single()} took over 2 connection(s)", closing, StringComparison.Ordinal);
        Assert.All(replies, reply => Assert.Contains("x-gen: 1", reply, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("(2 connection(s) closed)", gone, StringComparison.Ordinal);
        Assert.Equal(2, (await _haproxy.GetAsync()).Generation);
    }

    [Fact]
    public async Task StopAsync_Running_NoHAProxyProcessLeft()
    {
        var processes = await ShowProcAsync();
        int[] pids = [processes.MasterPid, .. processes.Workers];

        await _haproxy.Master.StopAsync(CancellationToken.None);

        Assert.True(await ProcFs.WaitUntilGoneAsync(pids, Timeouts.Exit), $"still alive: {string.Join(',', pids.Where(ProcFs.IsAlive))}");
        Assert.Equal(0, _haproxy.Master.Restarts);
    }

    private async Task<int> KillAndAwaitRestartAsync()
    {
        var restarted = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _haproxy.Master.Restarted += pid => restarted.TrySetResult(pid);
        var killed = _haproxy.Master.Pid!.Value;

        Assert.True(UnixSignals.Send(killed, UnixSignals.Kill));
        var pid = await restarted.Task.WaitAsync(Timeouts.Ready);

        Assert.NotEqual(killed, pid);
        Assert.Equal(pid, _haproxy.Master.Pid);
        Assert.Equal(1, _haproxy.Master.Restarts);
        return pid;
    }

    private async Task<Socket> PartialRequestAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, _haproxy.FrontendPort);
        await socket.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: roster\r\n"));
        return socket;
    }

    private static async Task<string> FinishAsync(Socket socket)
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes("Connection: close\r\n\r\n"));
        var reply = new StringBuilder();
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(Timeouts.Ready);
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token)) > 0)
        {
            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return reply.ToString();
    }

    private async Task<MasterProcessList> ShowProcAsync() =>
        MasterProcessList.Parse(await UnixSocketCommand.SendAsync(_haproxy.Master.MasterSocketPath, "show proc", CancellationToken.None));
}
