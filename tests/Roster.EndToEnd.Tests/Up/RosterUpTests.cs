using System.Net.Sockets;
using System.Text.Json;
using Roster.Testing;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Services;

namespace Roster.EndToEnd.Tests.Up;

/// <summary>
/// `roster up` runs the whole system from one command; `roster scale` and `roster status` work against it; a `roster
/// service` started by hand joins it; and nothing it started outlives it, whether it is stopped or SIGKILLed.
/// </summary>
public sealed class RosterUpTests : IAsyncLifetime
{
    private readonly RunDirectory _run = new();
    private readonly HttpClient _http = new() { Timeout = Timeouts.Ready };
    private RosterUpProcess _up = null!;

    public async Task InitializeAsync()
    {
        _up = await RosterUpProcess.StartAsync(_run.Path, "--www", "1", "--data", "1");
        await _up.WaitForServersUpAsync(1);
    }

    public async Task DisposeAsync()
    {
        await _up.DisposeAsync();
        _http.Dispose();
        _run.Dispose();
    }

    [Fact]
    public async Task Up_ScaledAndJoinedByHand_HAProxyFollowsAndStatusShowsIt()
    {
        var first = await RepliesAsync(4);
        var only = Assert.Single(first.Select(r => r.WebPid).Distinct());

        var scaled = await RosterCli.RunAsync("scale", "www=2", "--wait", "--consul", _up.Registry.ToString());
        Assert.True(scaled.ExitCode == 0, string.Join('\n', scaled.Stderr));
        await _up.WaitForServersUpAsync(2);
        var two = (await RepliesAsync(4)).Select(r => r.WebPid).ToList();
        Assert.Equal(2, two.Distinct().Count());
        Assert.Contains(only, two);
        Assert.Equal([two[0], two[1], two[0], two[1]], two);

        await using var byHand = await RosterService.StartAsync("www", "--consul", _up.Registry.ToString());
        await _up.WaitForServersUpAsync(3);
        var three = (await RepliesAsync(6)).Select(r => r.WebPid).ToHashSet();
        Assert.Contains(byHand.Pid, three);
        Assert.Equal(3, three.Count);

        using var status = JsonDocument.Parse(string.Join('\n', (await Status()).Stdout));
        var www = status.RootElement.GetProperty("instances").EnumerateArray().Where(i => i.GetProperty("service").GetString() == "www").ToList();
        Assert.Equal(three.Order(), www.Select(i => i.GetProperty("pid").GetInt32()).Order());
        Assert.All(www, i => Assert.Equal("UP", i.GetProperty("haProxy").GetString()));
        Assert.Equal("runtime api", Assert.Single(status.RootElement.GetProperty("balancers").EnumerateArray()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task Up_StoppedWithSigterm_StopsEverythingItStartedAndExitsZero()
    {
        var started = await EverythingStartedAsync();

        _up.Process.Signal(UnixSignal.Terminate);

        Assert.Equal(0, await _up.Process.WaitForExitAsync(Timeouts.Ready));
        Assert.True(await ProcessLiveness.WaitUntilGoneAsync(started, Timeouts.Exit), _up.Process.Describe());
        var stopping = _up.Process.StandardOutput.ToList();
        Assert.True(
            stopping.FindIndex(l => l.Contains("www-1 (pid", StringComparison.Ordinal) && l.EndsWith("stopped", StringComparison.Ordinal)) <
            stopping.FindIndex(l => l.Contains("stopping lb", StringComparison.Ordinal)),
            "services stop before HAProxy:\n" + _up.Process.Describe());
    }

    [Fact]
    public async Task Up_KilledWithSigkill_LeavesNoProcessBehind()
    {
        var started = await EverythingStartedAsync();

        _up.Process.Signal(UnixSignal.Kill);
        await _up.Process.WaitForExitAsync();

        Assert.True(await ProcessLiveness.WaitUntilGoneAsync(started, Timeouts.Exit), "a child of roster up outlived it:\n" + _up.Process.Describe());
        await PortProbe.WaitUntilClosedAsync(_up.Frontend.Port);
    }

    // The agent, lb, data and www processes, and HAProxy's master and worker.
    private async Task<IReadOnlyList<int>> EverythingStartedAsync()
    {
        using var status = JsonDocument.Parse(string.Join('\n', (await Status()).Stdout));
        var master = Assert.Single(status.RootElement.GetProperty("balancers").EnumerateArray()).GetProperty("pid").GetInt32();
        List<int> pids = [.. _up.Started().Values, master, .. ProcessTree.Children(master)];
        Assert.Equal(6, pids.Count);
        Assert.All(pids, pid => Assert.True(ProcessLiveness.IsRunning(pid), $"pid {pid} is not running"));
        return pids;
    }

    private Task<CliResult> Status() => RosterCli.RunAsync("status", "--json", "--consul", _up.Registry.ToString());

    private async Task<IReadOnlyList<WwwReply>> RepliesAsync(int count)
    {
        var replies = new List<WwwReply>();
        for (var i = 0; i < count; i++)
        {
            replies.Add(await WwwReply.GetAsync(_http, _up.Frontend));
        }

        return replies;
    }
}
