using Roster.Bench.Churn;
using Roster.Bench.Wrk;
using Roster.Testing;
using Roster.Testing.HAProxy;
using Roster.Testing.Network;
using Roster.Testing.Processes;

namespace Roster.Bench.Throughput;

/// <summary>
/// HAProxy answering by itself (the ceiling of this machine); one basic-web directly, two behind HAProxy on
/// examples/seed/basic.cfg, and the same with the Node seed's <c>maxconn 64</c>; one www (→ data) directly, and two
/// behind `roster lb`. Runs alternate over the cases in one process so that whatever else the machine does weighs on
/// all alike.
/// </summary>
internal static class ThroughputBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyList<ThroughputCase>> RunAsync(WrkOptions wrk, int runs)
    {
        using var runCeiling = new RunDirectory();
        using var runB = new RunDirectory();
        using var runC = new RunDirectory();
        using var runLb = new RunDirectory();
        await using var ceiling = await StartHAProxyAsync(CeilingConfig, runCeiling);
        await using var direct = await RosterService.StartAsync("basic-web");
        await using var s1 = await RosterService.StartAsync("basic-web");
        await using var s2 = await RosterService.StartAsync("basic-web");
        await using var proxied = await StartHAProxyAsync(port => SeedConfig.Basic(port, [s1.Port, s2.Port]), runB, "s1", "s2");
        await using var seedMaxconn = await StartHAProxyAsync(port => WithSeedMaxconn(SeedConfig.Basic(port, [s1.Port, s2.Port])), runC, "s1", "s2");
        await using var agent = await RosterAgentProcess.StartAsync();
        await using var data = await RosterService.StartAsync("data", "--consul", agent.Address);
        await using var wwwDirect = await RosterService.StartAsync("www", "--consul", agent.Address);
        await using var www1 = await RosterService.StartAsync("www", "--consul", agent.Address);
        await using var www2 = await RosterService.StartAsync("www", "--consul", agent.Address);
        await using var lb = await LbFront.StartAsync("runtime", agent, runLb);
        await using (var sampler = new PidSampler(lb.Url))
        {
            // Both www behind roster lb answer before anything is measured.
            await Task.WhenAll(sampler.FirstReplyFrom(www1.Pid), sampler.FirstReplyFrom(www2.Pid)).WaitAsync(Timeouts.Ready);
        }

        ThroughputCase a = new("a: 1 basic-web, direct", direct.Url);
        ThroughputCase d = new("d: 1 www -> data, direct", wwwDirect.Url);
        ThroughputCase[] cases =
        [
            new("ceiling: HAProxy answering by itself (http-request return)", ceiling.Url),
            a,
            new("b: 2 basic-web via HAProxy (basic.cfg)", proxied.Url, "web", a),
            new("c: same, seed's maxconn 64", seedMaxconn.Url, "web", a),
            d,
            new("e: 2 www -> data via roster lb (runtime)", lb.Url, "www", d),
        ];
        using var stats = new HttpClient { Timeout = Timeouts.Ready };
        foreach (var side in cases)
        {
            // JIT, connection pools and HAProxy's backend pool warm up before anything is counted.
            await WrkRunner.RunAsync(side.Url, wrk with { Duration = WarmUp });
        }

        for (var run = 1; run <= runs; run++)
        {
            foreach (var side in cases)
            {
                var result = await MeasureAsync(side, wrk, stats);
                side.Runs.Add(result);
                await Console.Error.WriteLineAsync(
                    $"  run {run}/{runs} {side.Name}: {result.Wrk.RequestsPerSecond:0} req/s, p50 {result.Wrk.P50Ms:0.00} ms, " +
                    $"p99 {result.Wrk.P99Ms:0.00} ms, {result.Wrk.Errors} errors, backend reuse {result.BackendReuse:P1}");
            }
        }

        return cases;
    }

    private static async Task<ThroughputRun> MeasureAsync(ThroughputCase side, WrkOptions wrk, HttpClient stats)
    {
        if (side.Backend is null)
        {
            return new ThroughputRun(await WrkRunner.RunAsync(side.Url, wrk), BackendReuse: null);
        }

        var before = await BackendConnections.ReadAsync(stats, side.Url, side.Backend);
        var result = await WrkRunner.RunAsync(side.Url, wrk);
        var after = await BackendConnections.ReadAsync(stats, side.Url, side.Backend);
        return new ThroughputRun(result, after.ReuseSince(before));
    }

    private static async Task<HAProxyProcess> StartHAProxyAsync(Func<int, string> config, RunDirectory runDirectory, params string[] servers)
    {
        var frontend = FreePort.Next();
        var haproxy = await HAProxyProcess.StartAsync(config(frontend), frontend, runDirectory);
        if (servers.Length > 0)
        {
            await haproxy.WaitForServersAsync("web", "UP", servers);
        }

        return haproxy;
    }

    // The same global and defaults as basic.cfg, and no backend: what HAProxy alone costs per request on this machine.
    private static string CeilingConfig(int port) => $"""
        global
            maxconn 4096

        defaults
            mode http
            timeout connect 200ms
            timeout client 30s
            timeout server 30s
            timeout http-keep-alive 10s

        frontend ceiling
            bind 127.0.0.1:{port}
            http-request return status 200 content-type text/plain string ok

        """;

    private static string WithSeedMaxconn(string config) =>
        config.Contains("    maxconn 4096\n", StringComparison.Ordinal)
            ? config.Replace("    maxconn 4096\n", "    maxconn 64\n", StringComparison.Ordinal)
            : throw new InvalidOperationException("basic.cfg no longer sets 'maxconn 4096' in its global section");
}
