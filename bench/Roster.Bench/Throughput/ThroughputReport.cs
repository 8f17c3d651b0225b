using System.Globalization;
using Roster.Bench.Reporting;
using Roster.Bench.Wrk;

namespace Roster.Bench.Throughput;

/// <summary>Prints the throughput comparison as a Markdown table of medians, with each case's ratio to the direct one.</summary>
internal static class ThroughputReport
{
    public static string Render(IReadOnlyList<ThroughputCase> cases, WrkOptions wrk, int runs)
    {
        var table = new MarkdownTable("case", "req/s", "p50 ms", "p99 ms", "errors", "backend conns reused");
        foreach (var side in cases)
        {
            table.Add(side.Name, F(side.Median(r => r.Wrk.RequestsPerSecond), "0"), F(side.Median(r => r.Wrk.P50Ms), "0.00"),
                F(side.Median(r => r.Wrk.P99Ms), "0.00"), F(side.Runs.Sum(r => r.Wrk.Errors), "0"), F(side.Median(r => r.BackendReuse * 100), "0.0'%'"));
        }

        var direct = cases[0];
        foreach (var side in cases.Skip(1))
        {
            table.Add($"ratio {side.Name[0]}/a",
                F(side.Median(r => r.Wrk.RequestsPerSecond) / direct.Median(r => r.Wrk.RequestsPerSecond), "0.00"),
                F(side.Median(r => r.Wrk.P50Ms) / direct.Median(r => r.Wrk.P50Ms), "0.00"),
                F(side.Median(r => r.Wrk.P99Ms) / direct.Median(r => r.Wrk.P99Ms), "0.00"), "", "");
        }

        return $"Throughput ({wrk}, median of {runs} runs, {Environment.ProcessorCount} cores, everything on 127.0.0.1)\n\n{table}";
    }

    private static string F(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
