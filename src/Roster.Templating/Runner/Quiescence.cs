namespace Roster.Templating.Runner;

/// <summary>
/// One template's quiescence deadline (consul-template manager/runner.go <c>quiescence.tick</c>): the first change
/// starts a burst; every change moves the deadline to <c>now + Min</c>, but never past <c>first change + Max</c>, so a
/// burst that never ends still renders every <c>Max</c>.
/// </summary>
/// <remarks>
/// Holds no timer: the runner's single loop asks every template for <see cref="Remaining"/>, waits for the smallest with
/// <c>Task.Delay(remaining, time)</c> and renders the due ones. Not thread-safe; only that loop touches it.
/// Time is measured on the monotonic timestamp so a wall-clock jump cannot stall or rush a render.
/// </remarks>
internal sealed class Quiescence(WaitSpec wait, TimeProvider time)
{
    private long? _burstStart;
    private TimeSpan _deadline;

    /// <summary>Time left until the template should render; null when no change is pending, zero or less when due.</summary>
    public TimeSpan? Remaining => _burstStart is { } start ? _deadline - time.GetElapsedTime(start) : null;

    /// <summary>True when a change is pending and its deadline has passed.</summary>
    public bool IsDue => Remaining <= TimeSpan.Zero;

    /// <summary>Records a change that makes the template renderable.</summary>
    public void Changed()
    {
        _burstStart ??= time.GetTimestamp();
        var sinceStart = time.GetElapsedTime(_burstStart.Value);
        var quiet = sinceStart + wait.Min;
        _deadline = quiet < wait.Max ? quiet : wait.Max;
    }

    /// <summary>Ends the burst after the template rendered; the next change starts a new one.</summary>
    public void Reset() => _burstStart = null;
}
