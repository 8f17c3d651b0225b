using System.Globalization;
using Roster.Bench.Reporting;

namespace Roster.Bench.Up;

/// <summary>Prints the <c>roster up</c> figures as a Markdown table next to their goals.</summary>
internal static class UpReport
{
    public static string Render(UpFigures f)
    {
        var table = new MarkdownTable("figure", "p50", "max", "goal")
            .Add($"roster up launch -> first 200 through HAProxy, {f.FirstReply.Count} runs", Ms(f.FirstReply, 0.5), Ms(f.FirstReply, 1), "< 3 s")
            .Add($"roster scale www=4 -> 4 distinct web_pid through HAProxy, {f.ScaleToFour.Count} runs", Ms(f.ScaleToFour, 0.5), Ms(f.ScaleToFour, 1), "< 1 s")
            .Add($"SIGTERM -> roster up exited, every child stopped, {f.Shutdown.Count} runs", Ms(f.Shutdown, 0.5), Ms(f.Shutdown, 1), "");
        foreach (var (name, samples) in f.ChildStarts)
        {
            table.Add($"data launch -> \"listening\", {name}, {samples.Count} launches", Ms(samples, 0.5), Ms(samples, 1), "");
        }

        return $"roster up (the whole system from one command; {Environment.ProcessorCount} cores, everything on 127.0.0.1)\n\n{table}";
    }

    private static string Ms(IReadOnlyList<TimeSpan> samples, double p) =>
        Percentile.Of(samples, p).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
