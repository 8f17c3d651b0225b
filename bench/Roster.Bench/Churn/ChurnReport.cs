using System.Globalization;
using Roster.Bench.Wrk;
using Roster.Bench.Reporting;

namespace Roster.Bench.Churn;

/// <summary>Prints the churn figures as one Markdown table, a row per update path.</summary>
internal static class ChurnReport
{
    public static string Render(IReadOnlyList<ChurnFigures> figures, WrkOptions wrk)
    {
        var table = new MarkdownTable(
            "path", "www events (start/int/kill)", "stops of a serving www", "requests", "req/s", "p99 ms", "non-2xx", "socket errors (connect/read/write/timeout)",
            "failed per change", "launch -> first reply via HAProxy under churn p50 / p99 (www that answered)",
            $"same, no load, p50 / p99 ({ChurnBenchmark.QuietLaunches} launches)");
        foreach (var f in figures)
        {
            table.Add(
                f.Path == "seed" ? "seed: template + haproxy -st" : f.Path, $"{f.Events} ({f.Starts}/{f.Interrupts}/{f.Kills})", F(f.StopsOfServing), F(f.Wrk.Requests), F(f.Wrk.RequestsPerSecond, "0"), F(f.Wrk.P99Ms, "0"), F(f.Wrk.NonSuccess),
                $"{f.Wrk.Socket.Total} ({f.Wrk.Socket})", F(f.FailedPerChange, "0.00"),
                f.Convergence.Count == 0 ? $"- (0 of {f.Starts})"
                    : $"{F(f.ConvergenceP50.TotalMilliseconds, "0")} / {F(f.ConvergenceP99.TotalMilliseconds, "0")} ms ({f.Convergence.Count} of {f.Starts})",
                f.Quiet.Count == 0 ? "-" : $"{F(Percentile.Of(f.Quiet, 0.5).TotalMilliseconds, "0")} / {F(Percentile.Of(f.Quiet, 0.99).TotalMilliseconds, "0")} ms");
        }

        return $"Churn ({wrk} per path; a www started, stopped with SIGINT or killed with SIGKILL every 300 ms, at least " +
            $"{WwwFleet.MinReady} answering and at most {WwwFleet.MaxLive} running; {Environment.ProcessorCount} cores, 127.0.0.1). " +
            "Failed = non-2xx + connect + read + write errors; wrk's timeout counts replies that came after more than 2 s. " +
            "Goals: 0 failed for runtime and dns, <= 1 per change for reload; launch -> first reply p50 < 300 ms.\n\n" + table;
    }

    private static string F(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
