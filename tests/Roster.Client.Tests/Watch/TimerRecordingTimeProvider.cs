using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Roster.Client.Tests.Watch;

/// <summary>A fake clock that reports each timer it creates, so a test can see a delay start, check its length and then let it pass.</summary>
internal sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Reported only once armed, so advancing the clock after NextTimerAsync always fires it.
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    public bool HasPendingTimerReport => _timers.Reader.TryPeek(out _);

    public async Task<TimeSpan> NextTimerAsync() => await _timers.Reader.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

    /// <summary>Waits for the next delay to start, lets it pass, and returns its length.</summary>
    public async Task<TimeSpan> ElapseNextTimerAsync()
    {
        var due = await NextTimerAsync();
        Advance(due);
        return due;
    }
}
