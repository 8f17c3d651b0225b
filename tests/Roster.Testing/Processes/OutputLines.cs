namespace Roster.Testing.Processes;

/// <summary>The lines a child printed so far, and the waits for a line still to come.</summary>
internal sealed class OutputLines
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private bool _ended;

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    public void Add(string line)
    {
        List<TaskCompletionSource<string>> found = [];
        lock (_gate)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                found.Add(waiter.Found);
            }
        }

        // Completed outside the lock: continuations must not run while we hold it.
        found.ForEach(f => f.TrySetResult(line));
    }

    /// <summary>No more lines will come (the stream closed): every open wait fails.</summary>
    public void End()
    {
        List<TaskCompletionSource<string>> open;
        lock (_gate)
        {
            _ended = true;
            open = [.. _waiters.Select(w => w.Found)];
            _waiters.Clear();
        }

        open.ForEach(f => f.TrySetException(new InvalidOperationException("the output ended before the line came")));
    }

    public Task<string> WaitForAsync(Func<string, bool> match)
    {
        lock (_gate)
        {
            var seen = _lines.FirstOrDefault(match);
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            if (_ended)
            {
                return Task.FromException<string>(new InvalidOperationException("the output ended before the line came"));
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task;
        }
    }
}
