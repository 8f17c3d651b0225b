namespace Roster.Agent.Blocking;

/// <summary>
/// The agent's one blocking-query primitive: hold a request until the index of what it reads passes the client's
/// index, or until its wait (with Consul's default, cap and jitter) runs out.
/// </summary>
internal sealed class BlockingWait(WatchHub hub, TimeProvider time, BlockingOptions options)
{
    /// <summary>
    /// Returns at once when <paramref name="minIndex"/> is 0 or already passed; otherwise when <paramref name="currentIndex"/>
    /// exceeds it after a notification of <paramref name="topic"/>, or when the wait ends. The caller then reads its
    /// result from a fresh snapshot: an unchanged index means "no change", which clients expect.
    /// </summary>
    public Task WaitForChangeAsync(string topic, ulong minIndex, TimeSpan? wait, Func<ulong> currentIndex, CancellationToken cancellationToken) =>
        minIndex == 0
            ? Task.CompletedTask
            : WaitUntilAsync(topic, () => currentIndex() > minIndex, wait, cancellationToken);

    /// <summary>
    /// Returns when <paramref name="changed"/> holds, checked at once and after every notification of <paramref name="topic"/>,
    /// or when the wait ends. Hash-based blocking (<c>/v1/agent/service/:id?hash=</c>) waits this way.
    /// </summary>
    public async Task WaitUntilAsync(string topic, Func<bool> changed, TimeSpan? wait, CancellationToken cancellationToken)
    {
        var timeout = Effective(wait);
        var started = time.GetTimestamp();
        while (true)
        {
            // Subscribe before testing, so a change between the test and the wait is not missed.
            var next = hub.NextChange(topic);
            if (changed())
            {
                return;
            }

            var left = timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            try
            {
                await next.WaitAsync(left, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }

    /// <summary>The wait actually applied: default when absent or zero, capped, plus random jitter.</summary>
    public TimeSpan Effective(TimeSpan? wait)
    {
        var asked = wait is { } w && w > TimeSpan.Zero ? w : options.DefaultWait;
        var capped = asked > options.MaxWait ? options.MaxWait : asked;
        return capped + (capped / options.JitterFraction * Random.Shared.NextDouble());
    }
}
