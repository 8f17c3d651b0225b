using System.Globalization;
using System.Text.RegularExpressions;
using Roster.Testing;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Repository;
using Roster.Testing.Services;

namespace Roster.EndToEnd.Tests;

/// <summary>`roster lb` keeps HAProxy alive, and never leaves it behind: a killed HAProxy is restarted, a killed lb takes HAProxy with it.</summary>
public sealed partial class LoadBalancerRecoveryTests : IAsyncLifetime
{
    private readonly RunDirectory _run = new();
    private readonly HttpClient _http = new() { Timeout = Timeouts.Ready };
    private readonly int _frontend = FreePort.Next();
    private RosterAgentProcess _agent = null!;
    private RosterService _data = null!;
    private RosterService _www = null!;
    private ChildProcess _lb = null!;
    private int _masterPid;

    public async Task InitializeAsync()
    {
        _agent = await RosterAgentProcess.StartAsync();
        _data = await RosterService.StartAsync("data", "--consul", _agent.Address);
        _www = await RosterService.StartAsync("www", "--consul", _agent.Address);
        _lb = ChildProcess.Start(RosterBinary.Path, ["lb", "--consul", _agent.Address, "--bind", $"127.0.0.1:{_frontend}", "--run-dir", _run.Path]);
        var listening = await _lb.WaitForLineAsync(line => line.Contains("lb listening on", StringComparison.Ordinal));
        _masterPid = int.Parse(HAProxyPid().Match(listening).Groups["pid"].Value, CultureInfo.InvariantCulture);
        // Never signal pid 0 or 1: kill(0) is the whole process group, this test host included.
        Assert.True(_masterPid > 1, listening);
        Assert.Equal("haproxy", File.ReadAllText($"/proc/{_masterPid}/comm").Trim());
    }

    public async Task DisposeAsync()
    {
        await _lb.DisposeAsync();
        await _www.DisposeAsync();
        await _data.DisposeAsync();
        await _agent.DisposeAsync();
        _http.Dispose();
        _run.Dispose();
    }

    [Fact]
    public async Task HAProxyKilled_IsStartedAgainWithTheServersItHad()
    {
        System.Diagnostics.Process.GetProcessById(_masterPid).Kill();

        await _lb.WaitForLineAsync(line => line.Contains("HAProxy exited", StringComparison.Ordinal));
        await _lb.WaitForLineAsync(line => line.Contains("HAProxy started", StringComparison.Ordinal) && !line.Contains($"pid {_masterPid})", StringComparison.Ordinal));

        var reply = await WwwReply.GetAsync(_http, new Uri($"http://127.0.0.1:{_frontend}/"));
        Assert.Equal(_www.Pid, reply.WebPid);
    }

    [Fact]
    public async Task LbKilledWithSigkill_LeavesNoHAProxyBehind()
    {
        List<int> haproxy = [_masterPid, .. ProcessTree.Children(_masterPid)];
        Assert.True(haproxy.Count >= 2, "expected the master and a worker");

        _lb.Signal(UnixSignal.Kill);
        await _lb.WaitForExitAsync();

        await PortProbe.WaitUntilClosedAsync(_frontend);
        Assert.All(haproxy, pid => Assert.False(ProcessLiveness.IsRunning(pid), $"haproxy {pid} outlived roster lb"));
    }

    [GeneratedRegex(@"haproxy pid (?<pid>\d+)")]
    private static partial Regex HAProxyPid();
}
