using Roster.Client.Watch;

namespace Roster.Client.Tests.Watch;

/// <summary>The watch loop of consul-template's watch/view.go: index handling, back-off and rate limit, on a fake clock.</summary>
public sealed class ConsulWatchTests
{
    private static readonly ConsulWatchOptions NoRateLimit = new() { MinFetchInterval = TimeSpan.Zero };

    private readonly TimerRecordingTimeProvider _time = new();
    private readonly ScriptedFetch _fetch = new();

    [Fact]
    public async Task WatchAsync_FirstFetch_HasNoIndexThenBlocksOnLastIndexWithConfiguredWait()
    {
        var options = NoRateLimit with { Wait = TimeSpan.FromSeconds(42) };
        await using var run = new WatchRun(new ConsulWatch(_time, options: options), _fetch, new QueryOptions { Token = "t", Stale = true });

        var first = await _fetch.NextCallAsync();
        _fetch.Answer(10, "a");
        Assert.Equal("a", (await run.NextAsync()).Value);
        var second = await _fetch.NextCallAsync();

        Assert.Equal(0UL, first.Index);
        Assert.Equal(10UL, second.Index);
        Assert.All([first, second], call => Assert.Equal(TimeSpan.FromSeconds(42), call.Wait));
        Assert.All([first, second], call => Assert.Equal(("t", true), (call.Token, call.Stale)));
    }

    [Fact]
    public async Task WatchAsync_UnchangedIndex_IsNotPublished()
    {
        await using var run = new WatchRun(new ConsulWatch(_time, options: NoRateLimit), _fetch);

        _fetch.Answer(10, "a");
        _fetch.Answer(10, "spurious");
        _fetch.Answer(11, "b");

        Assert.Equal("a", (await run.NextAsync()).Value);
        Assert.Equal("b", (await run.NextAsync()).Value);
        var indexes = await _fetch.NextIndexesAsync(4);
        Assert.Equal([0UL, 10UL, 10UL, 11UL], indexes);
    }

    [Fact]
    public async Task WatchAsync_IndexGoesBackwards_PublishesAndBlocksFromZeroAgain()
    {
        await using var run = new WatchRun(new ConsulWatch(_time, options: NoRateLimit), _fetch);

        _fetch.Answer(10, "before restart");
        _fetch.Answer(5, "after restart");
        Assert.Equal(10UL, (await run.NextAsync()).LastIndex);
        Assert.Equal(5UL, (await run.NextAsync()).LastIndex);

        // The query from 0 answers at once with the same index: not published twice; blocking resumes on that index.
        _fetch.Answer(5, "after restart");
        _fetch.Answer(6, "change");
        Assert.Equal(6UL, (await run.NextAsync()).LastIndex);
        var indexes = await _fetch.NextIndexesAsync(5);
        Assert.Equal([0UL, 10UL, 0UL, 5UL, 6UL], indexes);
    }

    [Fact]
    public async Task WatchAsync_IndexZero_IsPublishedOnceAndBlocksOnOne()
    {
        await using var run = new WatchRun(new ConsulWatch(_time, options: NoRateLimit), _fetch);

        _fetch.Answer(0, "a");
        _fetch.Answer(0, "a");
        _fetch.Answer(3, "b");

        Assert.Equal("a", (await run.NextAsync()).Value);
        Assert.Equal("b", (await run.NextAsync()).Value);
        var indexes = await _fetch.NextIndexesAsync(3);
        Assert.Equal([0UL, 1UL, 1UL], indexes);
    }

    [Fact]
    public async Task WatchAsync_RepeatedFailures_BackOffDoublesUpToTheCapAndResetsAfterSuccess()
    {
        await using var run = new WatchRun(new ConsulWatch(_time, options: NoRateLimit), _fetch);
        var delays = new List<TimeSpan>();

        for (var i = 0; i < 11; i++)
        {
            await _fetch.NextCallAsync();
            _fetch.Fail();
            delays.Add(await _time.ElapseNextTimerAsync());
        }

        await _fetch.NextCallAsync();
        _fetch.Answer(7, "recovered");
        Assert.Equal("recovered", (await run.NextAsync()).Value);
        await _fetch.NextCallAsync();
        _fetch.Fail();
        var afterRecovery = await _time.NextTimerAsync();

        for (var i = 0; i < delays.Count; i++)
        {
            var expected = TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, i), 60_000));
            Assert.InRange(delays[i], expected * 0.8, expected);
        }

        Assert.InRange(afterRecovery, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task WatchAsync_ImmediateReturn_WaitsAboutOneHundredMillisecondsBeforeTheNextFetch()
    {
        await using var run = new WatchRun(new ConsulWatch(_time), _fetch);

        await _fetch.NextCallAsync();
        _fetch.Answer(10, "a");
        await run.NextAsync();
        var pause = await _time.NextTimerAsync();
        var fetchedDuringPause = _fetch.HasUnreadCall;
        _time.Advance(pause);
        await _fetch.NextCallAsync();

        Assert.InRange(pause, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(120));
        Assert.False(fetchedDuringPause);
    }

    [Fact]
    public async Task WatchAsync_FetchThatBlockedLongerThanTheInterval_FetchesAgainAtOnce()
    {
        await using var run = new WatchRun(new ConsulWatch(_time), _fetch);

        await _fetch.NextCallAsync();
        _fetch.Answer(10, "a", whileFetching: () => _time.Advance(TimeSpan.FromSeconds(30)));
        await run.NextAsync();
        await _fetch.NextCallAsync();

        Assert.False(_time.HasPendingTimerReport);
    }

    [Fact]
    public async Task WatchAsync_Cancelled_EndsWithOperationCanceled()
    {
        var run = new WatchRun(new ConsulWatch(_time, options: NoRateLimit), _fetch);
        await _fetch.NextCallAsync();

        run.Stop();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Completion);
        await run.DisposeAsync();
    }
}
