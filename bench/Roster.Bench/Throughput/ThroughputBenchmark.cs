using Roster.Bench.Wrk;
using Roster.Testing;
using Roster.Testing.HAProxy;
using Roster.Testing.Network;
using Roster.Testing.Processes;

namespace Roster.Bench.Throughput;

/// <summary>
/// (a) one basic-web driven directly, against (b) two basic-web behind HAProxy on examples/seed/basic.cfg, and
/// (c) the same with the Node seed's <c>maxconn 64</c>, which stops HAProxy from reusing backend connections.
/// Runs alternate a, b, c, a, b, c... in one process so that whatever else the machine does weighs on all alike.
/// </summary>
internal static class ThroughputBenchmark
{
    private const string Backend = "web";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyList<ThroughputCase>> RunAsync(WrkOptions wrk, int runs)
    {
        using var runB = new RunDirectory();
        using var runC = new RunDirectory();
        await using var direct = await RosterService.StartAsync("basic-web");
        await using var s1 = await RosterService.StartAsync("basic-web");
        await using var s2 = await RosterService.StartAsync("basic-web");
        await using var proxied = await StartHAProxyAsync(port => SeedConfig.Basic(port, [s1.Port, s2.Port]), runB);
        await using var seedMaxconn = await StartHAProxyAsync(port => WithSeedMaxconn(SeedConfig.Basic(port, [s1.Port, s2.Port])), runC);

        ThroughputCase[] cases =
        [
            new("a: 1 basic-web, direct", direct.Url),
            new("b: 2 basic-web via HAProxy (basic.cfg)", proxied.Url, proxied),
            new("c: same, seed's maxconn 64", seedMaxconn.Url, seedMaxconn),
        ];
        foreach (var side in cases)
        {
            // JIT, connection pools and HAProxy's backend pool warm up before anything is counted.
            await WrkRunner.RunAsync(side.Url, wrk with { Duration = WarmUp });
        }

        for (var run = 1; run <= runs; run++)
        {
            foreach (var side in cases)
            {
                var result = await MeasureAsync(side, wrk);
                side.Runs.Add(result);
                await Console.Error.WriteLineAsync(
                    $"  run {run}/{runs} {side.Name}: {result.Wrk.RequestsPerSecond:0} req/s, p50 {result.Wrk.P50Ms:0.00} ms, " +
                    $"p99 {result.Wrk.P99Ms:0.00} ms, {result.Wrk.Errors} errors, backend reuse {result.BackendReuse:P1}");
            }
        }

        return cases;
    }

    private static async Task<ThroughputRun> MeasureAsync(ThroughputCase side, WrkOptions wrk)
    {
        if (side.Proxy is null)
        {
            return new ThroughputRun(await WrkRunner.RunAsync(side.Url, wrk), BackendReuse: null);
        }

        var before = await BackendConnections.ReadAsync(side.Proxy, Backend);
        var result = await WrkRunner.RunAsync(side.Url, wrk);
        var after = await BackendConnections.ReadAsync(side.Proxy, Backend);
        return new ThroughputRun(result, after.ReuseSince(before));
    }

    private static async Task<HAProxyProcess> StartHAProxyAsync(Func<int, string> config, RunDirectory runDirectory)
    {
        var frontend = FreePort.Next();
        var haproxy = await HAProxyProcess.StartAsync(config(frontend), frontend, runDirectory);
        await haproxy.WaitForServersAsync(Backend, "UP", "s1", "s2");
        return haproxy;
    }

    private static string WithSeedMaxconn(string config) =>
        config.Contains("    maxconn 4096\n", StringComparison.Ordinal)
            ? config.Replace("    maxconn 4096\n", "    maxconn 64\n", StringComparison.Ordinal)
            : throw new InvalidOperationException("basic.cfg no longer sets 'maxconn 4096' in its global section");
}
