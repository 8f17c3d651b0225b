namespace Roster.HAProxy.Master;

/// <summary>
/// HAProxy's recent output lines, numbered, so a reload can read the ALERT lines printed after it began: 2.6's master
/// CLI has no <c>show startup-logs</c>, and the master's stderr is the only place the reason for a failure appears.
/// </summary>
internal sealed class OutputLog
{
    private const int Capacity = 500;

    private readonly Lock _gate = new();
    private readonly Queue<(long Number, string Line)> _lines = new();
    private long _next;
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The number the next line will get: pass it to <see cref="Since"/> later.</summary>
    public long Mark()
    {
        lock (_gate)
        {
            return _next;
        }
    }

    public void Add(string line)
    {
        TaskCompletionSource added;
        lock (_gate)
        {
            _lines.Enqueue((_next++, line));
            if (_lines.Count > Capacity)
            {
                _lines.Dequeue();
            }

            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        added.TrySetResult();
    }

    public IReadOnlyList<string> Since(long mark)
    {
        lock (_gate)
        {
            return [.. _lines.Where(l => l.Number >= mark).Select(l => l.Line)];
        }
    }

    /// <summary>Waits until a line after <paramref name="mark"/> matches; false when <paramref name="limit"/> passes first.</summary>
    public async Task<bool> WaitForAsync(long mark, Func<string, bool> match, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            Task added;
            lock (_gate)
            {
                if (_lines.Any(l => l.Number >= mark && match(l.Line)))
                {
                    return true;
                }

                added = _added.Task;
            }

            var left = limit - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await added.WaitAsync(left, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}
