namespace Roster.Client.Watch;

/// <summary>Exponential back-off with jitter: base × 2^failures, capped, then shortened by up to a fifth at random.</summary>
internal static class RetryBackoff
{
    // 2^30 × any sane base is far past any cap; stopping there keeps the arithmetic clear of TimeSpan overflow.
    private const int MaxDoublings = 30;

    // The delay after `failures` earlier failures in a row (0 for the first); `random` in [0, 1) is the jitter, which keeps
    // watchers that failed together (an agent restart) from retrying together.
    public static TimeSpan Delay(int failures, TimeSpan retryBase, TimeSpan retryMax, double random)
    {
        var delay = retryBase * Math.Pow(2, Math.Clamp(failures, 0, MaxDoublings));
        if (delay > retryMax)
        {
            delay = retryMax;
        }

        // Jitter only shortens, so RetryMax stays a hard cap.
        return delay * (1 - (0.2 * random));
    }
}
