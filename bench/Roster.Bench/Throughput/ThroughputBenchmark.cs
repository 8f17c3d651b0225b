using Roster.Bench.Wrk;
using Roster.Testing;
using Roster.Testing.HAProxy;
using Roster.Testing.Network;
using Roster.Testing.Processes;

namespace Roster.Bench.Throughput;

/// <summary>
/// (a) one basic-web driven directly, against (b) two basic-web behind HAProxy on examples/seed/basic.cfg.
/// Runs alternate a, b, a, b... in one process so that whatever else the machine does weighs on both alike.
/// </summary>
internal static class ThroughputBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task<(ThroughputCase Direct, ThroughputCase Proxied)> RunAsync(WrkOptions wrk, int runs)
    {
        using var runDirectory = new RunDirectory();
        await using var direct = await RosterService.StartAsync("basic-web");
        await using var s1 = await RosterService.StartAsync("basic-web");
        await using var s2 = await RosterService.StartAsync("basic-web");
        var frontend = FreePort.Next();
        await using var haproxy = await HAProxyProcess.StartAsync(SeedConfig.Basic(frontend, [s1.Port, s2.Port]), frontend, runDirectory);
        await haproxy.WaitForServersAsync("web", "UP", "s1", "s2");

        var a = new ThroughputCase("a: 1 basic-web, direct", direct.Url);
        var b = new ThroughputCase("b: 2 basic-web via HAProxy", haproxy.Url);
        foreach (var side in new[] { a, b })
        {
            // JIT, connection pools and HAProxy's backend pool warm up before anything is counted.
            await WrkRunner.RunAsync(side.Url, wrk with { Duration = WarmUp });
        }

        for (var run = 1; run <= runs; run++)
        {
            foreach (var side in new[] { a, b })
            {
                var result = await WrkRunner.RunAsync(side.Url, wrk);
                side.Runs.Add(result);
                await Console.Error.WriteLineAsync($"  run {run}/{runs} {side.Name}: {result.RequestsPerSecond:0} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, {result.Errors} errors");
            }
        }

        return (a, b);
    }
}
