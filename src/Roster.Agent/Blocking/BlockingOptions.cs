namespace Roster.Agent.Blocking;

/// <summary>Consul's limits on <c>?wait=</c>: 5 minutes when absent, at most 10, plus up to 1/16 of random jitter.</summary>
internal sealed record BlockingOptions
{
    public TimeSpan DefaultWait { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Jitter is up to wait / JitterFraction, so that watchers started together do not all return together.</summary>
    public int JitterFraction { get; init; } = 16;
}
