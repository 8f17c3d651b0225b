using System.Collections.Concurrent;
using System.Diagnostics;

namespace Roster.Bench.Registry;

/// <summary>One write to a service, and when each of that service's watchers saw it.</summary>
internal sealed class WakeUpEvent(int watchers)
{
    private readonly ConcurrentDictionary<int, TimeSpan> _seen = new();
    private readonly TaskCompletionSource _allSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long StartedAt { get; private set; }

    public Task AllSeen => _allSeen.Task;

    public IReadOnlyCollection<TimeSpan> Latencies => [.. _seen.Values];

    public void Start() => StartedAt = Stopwatch.GetTimestamp();

    /// <summary>A watcher's blocking query returned with a new index; the first return after the write counts.</summary>
    public void Seen(int watcher)
    {
        if (StartedAt != 0 && _seen.TryAdd(watcher, Stopwatch.GetElapsedTime(StartedAt)) && _seen.Count == watchers)
        {
            _allSeen.TrySetResult();
        }
    }
}
