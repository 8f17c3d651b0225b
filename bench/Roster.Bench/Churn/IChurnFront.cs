namespace Roster.Bench.Churn;

/// <summary>What follows the registry and serves the www instances to wrk during a churn run: one update path.</summary>
internal interface IChurnFront : IAsyncDisposable
{
    /// <summary>The frontend wrk and the sampler load, e.g. http://127.0.0.1:PORT/.</summary>
    Uri Url { get; }
}
