using System.Collections.Concurrent;

namespace Roster.Agent.Blocking;

/// <summary>
/// Wakes blocked queries by topic ("service:web", "kv:app/", ...). A write notifies only the topics whose results it
/// can change, so a watcher of one service sleeps through writes to every other.
/// </summary>
internal sealed class WatchHub
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>
    /// A task that completes on the next notification of <paramref name="topic"/>. Take it before reading the
    /// snapshot the wait is about: a write between the read and the wait then still completes it.
    /// </summary>
    public Task NextChange(string topic) =>
        _waiting.GetOrAdd(topic, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string topic)
    {
        if (_waiting.TryRemove(topic, out var waiters))
        {
            waiters.TrySetResult();
        }
    }

    public void Notify(IEnumerable<string> topics)
    {
        foreach (var topic in topics)
        {
            Notify(topic);
        }
    }
}
