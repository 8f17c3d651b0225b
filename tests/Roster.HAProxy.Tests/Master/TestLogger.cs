using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Roster.HAProxy.Tests.Master;

/// <summary>Writes log lines to the test's output (so a failing test shows HAProxy's own lines) and lets a test await one.</summary>
internal sealed class TestLogger(ITestOutputHelper output) : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<string> Lines => _lines;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var line = $"{logLevel}: {formatter(state, exception)}";
        TaskCompletionSource logged;
        lock (_gate)
        {
            _lines.Enqueue(line);
            logged = _logged;
            _logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        logged.TrySetResult();
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // HAProxy may still print after the test ended; xUnit refuses output then.
        }
    }

    /// <summary>The first line (logged so far or later) that contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
                {
                    return line;
                }

                next = _logged.Task;
            }

            await next.WaitAsync(deadline.Token);
        }
    }
}
