using Roster.Bench.Wrk;

namespace Roster.Bench.Throughput;

/// <summary>
/// One row of the comparison: what wrk drives, the HAProxy backend behind it if any (for the reuse figure), and the
/// direct case it is compared with; and what each run measured.
/// </summary>
internal sealed record ThroughputCase(string Name, Uri Url, string? Backend = null, ThroughputCase? Direct = null)
{
    public List<ThroughputRun> Runs { get; } = [];

    public double Median(Func<ThroughputRun, double?> figure)
    {
        var sorted = Runs.Select(figure).OfType<double>().Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public double RequestsPerSecond => Median(r => r.Wrk.RequestsPerSecond);
}

/// <summary>One wrk run, and for a proxied case the share of requests HAProxy sent over a reused backend connection.</summary>
internal sealed record ThroughputRun(WrkResult Wrk, double? BackendReuse);
