using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Roster.Templating.Tests.Commands;

/// <summary>A hand-written logger that keeps every message, for asserting what a command printed.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, formatter(state, exception)));

    /// <summary>Messages at <paramref name="level"/>, with the "command: " prefix removed.</summary>
    public IReadOnlyList<string> Lines(LogLevel level, string command) =>
        [.. Entries.Where(e => e.Level == level && e.Message.StartsWith(command + ": ", StringComparison.Ordinal)).Select(e => e.Message[(command.Length + 2)..])];
}
