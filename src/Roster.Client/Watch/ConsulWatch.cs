using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Roster.Client.Watch;

/// <summary>Keeps one blocking query fresh, as consul-template's watch/view.go does, and yields each result whose index is new.</summary>
public sealed partial class ConsulWatch
{
    private static readonly TimeSpan MaxRateLimitJitter = TimeSpan.FromMilliseconds(20);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConsulWatchOptions _options;

    /// <summary>Creates a watch primitive that takes all time from <paramref name="timeProvider"/>.</summary>
    public ConsulWatch(TimeProvider timeProvider, ILogger<ConsulWatch>? logger = null, ConsulWatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _logger = logger ?? NullLogger<ConsulWatch>.Instance;
        _options = options ?? new ConsulWatchOptions();
    }

    /// <summary>
    /// Calls <paramref name="fetch"/> in a loop (first without an index, then blocking on the last index) and yields every result
    /// with a new index. Failures are logged and retried with back-off, never thrown; the sequence ends only by cancellation.
    /// </summary>
    /// <param name="name">What is watched, for log messages (e.g. <c>health.service(www|passing)</c>).</param>
    /// <param name="fetch">One read, e.g. <c>(q, ct) =&gt; client.Health.ServiceAsync("www", true, null, q, ct)</c>.</param>
    /// <param name="options">Token, datacenter and stale for every fetch; the watch sets the index and the wait.</param>
    /// <param name="cancellationToken">Stops the watch; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    public async IAsyncEnumerable<QueryResult<T>> WatchAsync<T>(
        string name,
        Func<QueryOptions, CancellationToken, Task<QueryResult<T>>> fetch,
        QueryOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        var query = (options ?? new QueryOptions()) with { Index = 0, Wait = _options.Wait };
        ulong? publishedIndex = null;
        var failures = 0;
        long? lastStart = null;
        while (true)
        {
            if (lastStart is { } start)
            {
                await RateLimitAsync(start, cancellationToken);
            }

            lastStart = _time.GetTimestamp();
            QueryResult<T> result;
            try
            {
                result = await fetch(query, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Every failure is retried, as consul-template does by default: Consul restarts and leader elections are routine.
                var delay = RetryBackoff.Delay(failures++, _options.RetryBase, _options.RetryMax, Random.Shared.NextDouble());
                Log.FetchFailed(_logger, name, failures, delay, exception);
                await Task.Delay(delay, _time, cancellationToken);
                lastStart = null;
                continue;
            }

            if (failures > 0)
            {
                Log.Recovered(_logger, name, failures);
                failures = 0;
            }

            if (result.LastIndex == publishedIndex)
            {
                // Same index: the wait timed out or woke spuriously; nothing new to publish.
                query = query with { Index = BlockingIndex(result.LastIndex) };
                continue;
            }

            if (result.LastIndex < query.Index)
            {
                // Consul's blocking-query rules: an index that goes backwards (agent restart, deleted newest key) means start over from 0.
                Log.IndexReset(_logger, name, query.Index, result.LastIndex);
                query = query with { Index = 0 };
            }
            else
            {
                query = query with { Index = BlockingIndex(result.LastIndex) };
            }

            publishedIndex = result.LastIndex;
            yield return result;
        }
    }

    // Consul never sends index 0; if a server does, blocking on 1 keeps the loop from spinning (Consul's blocking.mdx advice).
    private static ulong BlockingIndex(ulong index) => Math.Max(index, 1);

    // consul-template's rateLimiter: a fetch that came back quickly is followed by a pause of up to MinFetchInterval, plus jitter.
    private async Task RateLimitAsync(long lastStart, CancellationToken cancellationToken)
    {
        var remaining = _options.MinFetchInterval - _time.GetElapsedTime(lastStart);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining + (MaxRateLimitJitter * Random.Shared.NextDouble()), _time, cancellationToken);
        }
    }
}
