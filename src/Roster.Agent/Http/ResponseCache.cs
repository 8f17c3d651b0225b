using System.Collections.Concurrent;

namespace Roster.Agent.Http;

/// <summary>
/// Serialized answers of blocking reads, by query and index. The watchers a write wakes together ask the same
/// question of the same snapshot; the JSON is built once for all of them. An index names one state of a result,
/// so an entry is valid exactly while the query's index is unchanged.
/// </summary>
internal sealed class ResponseCache
{
    // Queries name services, and clients may ask for any name: the cache is bounded, and simply starts over when full.
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, (ulong Index, Lazy<byte[]> Json)> _entries = new(StringComparer.Ordinal);

    public byte[] GetOrAdd(string key, ulong index, Func<byte[]> render)
    {
        if (_entries.TryGetValue(key, out var hit) && hit.Index == index)
        {
            return hit.Json.Value;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        // The watchers woken together arrive here together: the first one's Lazy renders, the others wait for it.
        var entry = _entries.AddOrUpdate(
            key,
            static (_, state) => (state.index, new Lazy<byte[]>(state.render)),
            static (_, existing, state) => existing.Index == state.index ? existing : (state.index, new Lazy<byte[]>(state.render)),
            (index, render));
        return entry.Index == index ? entry.Json.Value : render();
    }
}
