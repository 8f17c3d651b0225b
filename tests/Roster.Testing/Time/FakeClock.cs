using Microsoft.Extensions.Time.Testing;

namespace Roster.Testing.Time;

/// <summary>
/// A fake clock that also says when a timer is created, so a test can wait until the code under test holds a timer (an agent's blocking query, a quiescence period)
/// before it moves time, instead of guessing with a sleep.
/// </summary>
public sealed class FakeClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(Func<TimeSpan, bool> Matches, TaskCompletionSource Created)> _watches = [];

    /// <summary>Completes when a timer whose first due time matches <paramref name="dueTime"/> is created from now on.</summary>
    public Task WhenTimerCreated(Func<TimeSpan, bool> dueTime)
    {
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _watches.Add((dueTime, created));
        }

        return created.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Signal only once the timer exists: a test that advances the clock after the signal is sure to fire it.
        var timer = base.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource> matched;
        lock (_gate)
        {
            matched = [.. _watches.Where(w => w.Matches(dueTime)).Select(w => w.Created)];
            _watches.RemoveAll(w => matched.Contains(w.Created));
        }

        foreach (var created in matched)
        {
            created.TrySetResult();
        }

        return timer;
    }
}
