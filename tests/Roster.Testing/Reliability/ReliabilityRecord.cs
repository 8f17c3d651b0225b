namespace Roster.Testing.Reliability;

/// <summary>
/// One line of the reliability report: what a test tried, how many times, and how many of those were lost or failed.
/// A test may write several (one per thing it counts: writes, registrations, requests).
/// </summary>
public sealed record ReliabilityRecord
{
    /// <summary>A <see cref="ReliabilityKind"/> value: the report's section.</summary>
    public required string Kind { get; init; }

    /// <summary>The test's full name (Namespace.Class.Method), as the TRX results spell it, so the report can show its outcome.</summary>
    public required string Test { get; init; }

    /// <summary>What was done to the system, in a sentence.</summary>
    public required string Tried { get; init; }

    /// <summary>How many times: events, requests, writes, inputs.</summary>
    public required int Count { get; init; }

    /// <summary>What <see cref="Count"/> counts, plural ("acknowledged KV writes", "requests").</summary>
    public required string Unit { get; init; }

    /// <summary>How many of them were lost, failed or crashed.</summary>
    public required int Failed { get; init; }

    /// <summary>The goal for <see cref="Failed"/>: 0 unless the scenario is expected to cost something (then the report says so).</summary>
    public int? Allowed { get; init; }

    /// <summary>Anything measured beside the count (a time, a reason for a failure), for the reader; never asserted.</summary>
    public string? Note { get; init; }
}
