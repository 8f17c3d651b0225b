namespace Roster.Bench.Reporting;

/// <summary>Nearest-rank percentiles: the smallest sample with at least p of all samples at or below it.</summary>
internal static class Percentile
{
    public static TimeSpan Of(IReadOnlyList<TimeSpan> samples, double p)
    {
        if (samples.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
