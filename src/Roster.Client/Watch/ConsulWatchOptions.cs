namespace Roster.Client.Watch;

/// <summary>Timings of a <see cref="ConsulWatch"/>; the defaults are consul-template's.</summary>
public sealed record ConsulWatchOptions
{
    /// <summary>How long each blocking query may be held (consul-template's <c>block_query_wait</c>); keep it below the HttpClient timeout.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Back-off after the first failed fetch; it doubles with each further failure.</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest back-off between failed fetches.</summary>
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Least time between the starts of two fetches, so a query that keeps returning at once cannot spin.</summary>
    public TimeSpan MinFetchInterval { get; init; } = TimeSpan.FromMilliseconds(100);
}
