using Microsoft.Extensions.Time.Testing;
using Roster.Client;
using Roster.Client.Watch;
using Roster.HAProxy.Controller;

namespace Roster.HAProxy.Tests.Controller;

/// <summary>Reload mode's coalescing: a burst of registry changes waits for a quiet moment, bounded, and becomes one pass.</summary>
public sealed class InstanceFeedTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(2);

    private readonly FakeTimeProvider _time = new();
    private readonly HttpClient _http = new();
    private readonly InstanceFeed _feed;

    public InstanceFeedTests() =>
        _feed = new InstanceFeed("www", new ConsulClient(_http, new ConsulClientOptions()), new ConsulWatch(_time), _time);

    [Fact]
    public async Task WaitForQuietAsync_ChangesKeepComing_WaitsUntilTheyStop()
    {
        var waiting = _feed.WaitForQuietAsync(Quiet, Max, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(Quiet - TimeSpan.FromMilliseconds(50));
            _feed.MarkDirty();
            await Task.Yield();
            Assert.False(waiting.IsCompleted, $"returned during the burst, after change {i}");
        }

        await AdvanceUntilDoneAsync(waiting);

        // The burst is consumed: nothing is left to trigger a second pass.
        Assert.False(_feed.WaitForChangeAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task WaitForQuietAsync_NeverQuiet_ReturnsAtTheBound()
    {
        var waiting = _feed.WaitForQuietAsync(Quiet, Max, CancellationToken.None);
        for (var elapsed = TimeSpan.Zero; elapsed < Max; elapsed += TimeSpan.FromMilliseconds(100))
        {
            Assert.False(waiting.IsCompleted, $"returned after {elapsed} although changes kept coming");
            _feed.MarkDirty();
            await Task.Yield();
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await AdvanceUntilDoneAsync(waiting);
    }

    public void Dispose()
    {
        _feed.Dispose();
        _http.Dispose();
    }

    // The feed's loop picks a change up on the thread pool and only then starts its next quiet window: fake time is
    // moved on in steps until the wait ends, bounded, rather than in one jump that could come before that window.
    private async Task AdvanceUntilDoneAsync(Task waiting)
    {
        for (var step = 0; step < 100 && !waiting.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(5)));
        }

        Assert.True(waiting.IsCompleted, "still waiting 5 s (fake) after the last change");
    }
}
