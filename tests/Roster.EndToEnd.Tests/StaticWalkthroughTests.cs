using System.Text.Json;
using Roster.Testing;
using Roster.Testing.HAProxy;
using Roster.Testing.Load;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Reliability;

namespace Roster.EndToEnd.Tests;

/// <summary>
/// The seed's "Simple Static Usage" with real HAProxy on examples/seed/basic.cfg: two basic-web processes behind
/// it, replies naming their PIDs in turn, and a kill -9 that no client notices.
/// </summary>
public sealed class StaticWalkthroughTests : IAsyncLifetime
{
    private const string Backend = "web";

    private readonly RunDirectory _run = new();
    private readonly HttpClient _http = new() { Timeout = Timeouts.Ready };
    private RosterService _s1 = null!;
    private RosterService _s2 = null!;
    private HAProxyProcess _haproxy = null!;

    public async Task InitializeAsync()
    {
        var services = await Task.WhenAll(RosterService.StartAsync("basic-web"), RosterService.StartAsync("basic-web"));
        (_s1, _s2) = (services[0], services[1]);
        var frontend = FreePort.Next();
        _haproxy = await HAProxyProcess.StartAsync(SeedConfig.Basic(frontend, [_s1.Port, _s2.Port]), frontend, _run);
        await _haproxy.WaitForServersAsync(Backend, "UP", "s1", "s2");
        _http.BaseAddress = _haproxy.Url;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _haproxy.DisposeAsync();
        await _s1.DisposeAsync();
        await _s2.DisposeAsync();
        _run.Dispose();
    }

    [Fact]
    public async Task Get_TwoBasicWebs_RepliesAlternateBetweenExactlyTheTwoPids()
    {
        List<int> pids = [];
        for (var i = 0; i < 8; i++)
        {
            pids.Add(await GetPidAsync());
        }

        Assert.Equal(new HashSet<int> { _s1.Pid, _s2.Pid }, pids.ToHashSet());
        Assert.All(pids.Zip(pids.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    [Trait(ReliabilityKind.Trait, ReliabilityKind.Fault)]
    public async Task KillNine_UnderLoad_EveryRequestAnswers200AndTheSurvivorTakesOver()
    {
        const int Requests = 4000;
        const int KillAfter = 1000;
        var load = LoadRun.Start(_haproxy.Url, clients: 32, Requests);

        await load.WhenCompletedAsync(KillAfter).WaitAsync(Timeouts.Ready);
        _s1.Process.Signal(UnixSignal.Kill);
        var result = await load.Completion.WaitAsync(Timeouts.Ready);

        ReliabilityLog.Record<StaticWalkthroughTests>(ReliabilityKind.Fault, "SIGKILL of one of two `basic-web` behind a static haproxy.cfg (the seed's walkthrough), 32 non-retrying clients",
            result.Responses.Count + result.Failures.Count, "requests", result.Failures.Count, string.Join("; ", result.Failures.Take(3)));
        Assert.Empty(result.Failures);
        Assert.Equal(Requests, result.Responses.Count);

        await _haproxy.WaitForServersAsync(Backend, "DOWN", "s1");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(_s2.Pid, await GetPidAsync());
        }
    }

    private async Task<int> GetPidAsync()
    {
        using var reply = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/", UriKind.Relative)));
        return reply.RootElement.GetProperty("pid").GetInt32();
    }
}
