using System.Globalization;
using Roster.Bench.Reporting;

namespace Roster.Bench.Churn;

/// <summary>Prints the churn figures as one Markdown table, a row per update path.</summary>
internal static class ChurnReport
{
    public static string Render(IReadOnlyList<ChurnFigures> figures, TimeSpan duration)
    {
        var table = new MarkdownTable(
            "roster lb --mode", "www events", "requests", "failed (non-2xx + socket errors)", "req/s", "p99", "goal",
            "www launch -> reply with its PID p50 / p99 (20)");
        foreach (var f in figures)
        {
            table.Add(
                f.Mode, F(f.Events), F(f.Wrk.Requests), F(f.Wrk.Errors), f.Wrk.RequestsPerSecond.ToString("0", CultureInfo.InvariantCulture),
                f.Wrk.P99Ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms", f.Mode == "reload" ? "<= 1 per reload" : "0",
                $"{f.ConvergenceP50.TotalMilliseconds:0} / {f.ConvergenceP99.TotalMilliseconds:0} ms");
        }

        return $"Churn through roster lb (wrk -t1 -c50 -d{duration.TotalSeconds:0}s, www started / SIGINT / SIGKILL about every 300 ms, " +
            $"{Environment.ProcessorCount} cores, 127.0.0.1)\n\n{table}";
    }

    private static string F(long value) => value.ToString(CultureInfo.InvariantCulture);
}
