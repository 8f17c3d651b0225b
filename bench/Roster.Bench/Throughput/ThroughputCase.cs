using Roster.Bench.Wrk;

namespace Roster.Bench.Throughput;

/// <summary>One side of the comparison: a name, the URL wrk drives, and what each run measured.</summary>
internal sealed record ThroughputCase(string Name, Uri Url)
{
    public List<WrkResult> Runs { get; } = [];

    public double Median(Func<WrkResult, double> figure)
    {
        var sorted = Runs.Select(figure).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
