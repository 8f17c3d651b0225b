using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Roster.Templating.Tests.Runner;

/// <summary>Keeps every log line and lets a test await one: the runner's state changes (rendered, reloaded) are its signals.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiting = [];

    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Completes with the first line, already logged or still to come, that matches.</summary>
    public Task<string> NextAsync(Func<string, bool> match, int skip = 0)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var already = _lines.Where(match).Skip(skip).FirstOrDefault();
            if (already is not null)
            {
                seen.SetResult(already);
            }
            else
            {
                _waiting.Add((line => match(line) && _lines.Count(match) > skip, seen));
            }
        }

        return seen.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public int Count(Func<string, bool> match) => _lines.Count(match);

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        List<TaskCompletionSource<string>> matched;
        lock (_gate)
        {
            _lines.Enqueue(line);
            matched = [.. _waiting.Where(w => w.Match(line)).Select(w => w.Seen)];
            _waiting.RemoveAll(w => matched.Contains(w.Seen));
        }

        matched.ForEach(m => m.TrySetResult(line));
    }

    private sealed class Recorder(LogRecorder owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(formatter(state, exception));
    }
}
