using System.Globalization;
using Roster.Bench.Reporting;
using Roster.Bench.Wrk;

namespace Roster.Bench.Throughput;

/// <summary>Prints the throughput comparison as a Markdown table of medians, each case's req/s against the ceiling and its direct case.</summary>
internal static class ThroughputReport
{
    public static string Render(IReadOnlyList<ThroughputCase> cases, WrkOptions wrk, int runs)
    {
        var ceiling = cases[0];
        var table = new MarkdownTable("case", "req/s", "p50 ms", "p99 ms", "errors", "backend conns reused", "req/s / ceiling", "req/s / direct");
        foreach (var side in cases)
        {
            table.Add(
                side.Name, F(side.RequestsPerSecond, "0"), F(side.Median(r => r.Wrk.P50Ms), "0.00"), F(side.Median(r => r.Wrk.P99Ms), "0.00"),
                F(side.Runs.Sum(r => r.Wrk.Errors), "0"), F(side.Median(r => r.BackendReuse * 100), "0.0'%'"),
                ReferenceEquals(side, ceiling) ? "" : F(side.RequestsPerSecond / ceiling.RequestsPerSecond, "0.00"),
                side.Direct is null ? "" : $"{F(side.RequestsPerSecond / side.Direct.RequestsPerSecond, "0.00")} (vs {side.Direct.Name[0]})");
        }

        return $"Throughput ({wrk}, median of {runs} runs, {Environment.ProcessorCount} cores, everything on 127.0.0.1)\n\n{table}";
    }

    private static string F(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
