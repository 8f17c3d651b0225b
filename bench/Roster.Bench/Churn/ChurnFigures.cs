using Roster.Bench.Reporting;
using Roster.Bench.Wrk;

namespace Roster.Bench.Churn;

/// <summary>One update path under churn: the events, what wrk saw, and launch → first reply through HAProxy per converged www.</summary>
internal sealed record ChurnFigures(string Path, int Starts, int Interrupts, int Kills, WrkResult Wrk, IReadOnlyList<TimeSpan> Convergence)
{
    public int Events => Starts + Interrupts + Kills;

    public double FailedPerChange => Events == 0 ? 0 : (double)Wrk.Failed / Events;

    public TimeSpan ConvergenceP50 => Percentile.Of(Convergence, 0.5);

    public TimeSpan ConvergenceP99 => Percentile.Of(Convergence, 0.99);

    public int StopsOfServing { get; init; }

    public long SamplerReplies { get; init; }

    public long SamplerFailures { get; init; }

    /// <summary>Launch → first reply with its PID through the front, one launch at a time after the churn, with no load.</summary>
    public IReadOnlyList<TimeSpan> Quiet { get; init; } = [];

    /// <summary>HAProxy restarts the seed's renderer ran while wrk ran; null for roster lb.</summary>
    public int? Restarts { get; init; }

    public override string ToString() =>
        $"{Path}: {Events} events ({Starts}/{Interrupts}/{Kills}; {StopsOfServing} stops of a serving instance), {Wrk.Requests} requests, p99 {Wrk.P99Ms:0} ms, {Wrk.NonSuccess} non-2xx, socket {Wrk.Socket}, " +
        $"{FailedPerChange:0.00} failed per change, converged {Convergence.Count}/{Starts} p50 {ConvergenceP50.TotalMilliseconds:0} ms " +
        $"p99 {ConvergenceP99.TotalMilliseconds:0} ms; sampler {SamplerReplies} replies, {SamplerFailures} failed" +
        (Restarts is { } restarts ? $"; {restarts} HAProxy restarts" : "") +
        $"; quiet launch -> reply p50 {Percentile.Of(Quiet, 0.5).TotalMilliseconds:0} ms p99 {Percentile.Of(Quiet, 0.99).TotalMilliseconds:0} ms";
}
