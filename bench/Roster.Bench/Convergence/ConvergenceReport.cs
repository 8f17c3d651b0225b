using System.Globalization;
using Roster.Bench.Reporting;

namespace Roster.Bench.Convergence;

/// <summary>Prints the convergence figures as a Markdown table next to the goals they are measured against.</summary>
internal static class ConvergenceReport
{
    public static string Render(ConvergenceFigures f)
    {
        var table = new MarkdownTable("figure", "p50", "p99 / max", "goal")
            .Add($"data launch -> \"listening\" (registered), {f.Startups.Count} launches", Ms(Percentile.Of(f.Startups, 0.5)), Ms(Percentile.Of(f.Startups, 0.99)), "")
            .Add($"data launch -> first www reply with its PID, {f.Replies.Count} launches", Ms(Percentile.Of(f.Replies, 0.5)), Ms(Percentile.Of(f.Replies, 0.99)), "p50 < 300 ms")
            .Add($"agent SIGKILL + restart (no data dir) -> all 3 instances back, {f.Comebacks.Count} restarts", Ms(Percentile.Of(f.Comebacks, 0.5)), Ms(Percentile.Of(f.Comebacks, 1)), "< 2 s")
            .Add("www -> data (wrk)", $"{F(f.ViaWww.RequestsPerSecond, "0")} req/s, {F(f.ViaWww.P50Ms, "0.00")} ms", $"{F(f.ViaWww.P99Ms, "0.00")} ms, {f.ViaWww.Errors} errors", "")
            .Add("data direct (wrk)", $"{F(f.Direct.RequestsPerSecond, "0")} req/s, {F(f.Direct.P50Ms, "0.00")} ms", $"{F(f.Direct.P99Ms, "0.00")} ms, {f.Direct.Errors} errors", "")
            .Add("www -> data / data direct", F(f.ViaWww.RequestsPerSecond / f.Direct.RequestsPerSecond, "0.00"), "", "");
        return $"Convergence (roster agent, data and www processes, {Environment.ProcessorCount} cores, everything on 127.0.0.1)\n\n{table}";
    }

    private static string Ms(TimeSpan value) => F(value.TotalMilliseconds, "0") + " ms";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
