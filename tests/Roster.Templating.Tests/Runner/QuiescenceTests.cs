using Microsoft.Extensions.Time.Testing;
using Roster.Templating.Runner;

namespace Roster.Templating.Tests.Runner;

/// <summary>The per-template quiescence deadline of consul-template's runner, driven by a fake clock.</summary>
public class QuiescenceTests
{
    private static readonly WaitSpec TwoToFive = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5));
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Remaining_NoChange_IsNullAndNotDue()
    {
        var quiescence = new Quiescence(TwoToFive, _time);

        _time.Advance(TimeSpan.FromHours(1));

        Assert.Null(quiescence.Remaining);
        Assert.False(quiescence.IsDue);
    }

    [Fact]
    public void Changed_Once_DueAfterMin()
    {
        var quiescence = new Quiescence(TwoToFive, _time);

        quiescence.Changed();
        Assert.Equal(TimeSpan.FromSeconds(2), quiescence.Remaining);

        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(quiescence.IsDue);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(quiescence.IsDue);
        Assert.Equal(TimeSpan.Zero, quiescence.Remaining);
    }

    [Fact]
    public void Changed_BurstShorterThanMax_CoalescesUntilMinAfterLastChange()
    {
        var quiescence = new Quiescence(TwoToFive, _time);

        // Changes at 0 s, 1 s and 2 s: each restarts the 2 s quiet period.
        quiescence.Changed();
        _time.Advance(TimeSpan.FromSeconds(1));
        quiescence.Changed();
        _time.Advance(TimeSpan.FromSeconds(1));
        quiescence.Changed();

        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(quiescence.IsDue);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(quiescence.IsDue);
    }

    [Fact]
    public void Changed_NeverEndingBurst_DueAtFirstChangePlusMax()
    {
        var quiescence = new Quiescence(TwoToFive, _time);

        // A change every second never leaves 2 s of quiet; max caps the wait 5 s after the first change.
        quiescence.Changed();
        for (var second = 1; second <= 4; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            quiescence.Changed();
            Assert.False(quiescence.IsDue);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), quiescence.Remaining);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(quiescence.IsDue);

        // A change after the cap does not postpone a render that is already due.
        quiescence.Changed();
        Assert.True(quiescence.IsDue);
    }

    [Fact]
    public void Reset_AfterRender_IdleAndNextBurstMeasuresMaxAfresh()
    {
        var quiescence = new Quiescence(TwoToFive, _time);
        quiescence.Changed();
        _time.Advance(TimeSpan.FromSeconds(2));

        quiescence.Reset();
        Assert.Null(quiescence.Remaining);

        _time.Advance(TimeSpan.FromSeconds(10));
        quiescence.Changed();
        Assert.Equal(TimeSpan.FromSeconds(2), quiescence.Remaining);
        for (var second = 1; second <= 4; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            quiescence.Changed();
        }

        Assert.Equal(TimeSpan.FromSeconds(1), quiescence.Remaining);
    }

    [Fact]
    public void Changed_WaitNone_DueAtOnce()
    {
        var quiescence = new Quiescence(WaitSpec.None, _time);

        quiescence.Changed();

        Assert.True(quiescence.IsDue);
        Assert.Equal(TimeSpan.Zero, quiescence.Remaining);
    }

    [Fact]
    public async Task Remaining_AwaitedWithDelayOnSameClock_CompletesWhenDue()
    {
        // How the runner's loop uses it: no timer inside, one Task.Delay on the earliest deadline.
        var quiescence = new Quiescence(TwoToFive, _time);
        quiescence.Changed();

        var delay = Task.Delay(quiescence.Remaining!.Value, _time);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(delay.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        await delay;
        Assert.True(quiescence.IsDue);
    }
}
