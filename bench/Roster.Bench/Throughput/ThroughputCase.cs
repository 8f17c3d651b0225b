using Roster.Bench.Wrk;
using Roster.Testing.HAProxy;

namespace Roster.Bench.Throughput;

/// <summary>One side of the comparison: what wrk drives, the HAProxy in front if any, and what each run measured.</summary>
internal sealed record ThroughputCase(string Name, Uri Url, HAProxyProcess? Proxy = null)
{
    public List<ThroughputRun> Runs { get; } = [];

    public double Median(Func<ThroughputRun, double?> figure)
    {
        var sorted = Runs.Select(figure).OfType<double>().Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>One wrk run, and for a proxied case the share of requests HAProxy sent over a reused backend connection.</summary>
internal sealed record ThroughputRun(WrkResult Wrk, double? BackendReuse);
