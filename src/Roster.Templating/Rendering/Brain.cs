using System.Collections.Concurrent;
using System.Text.Json;

namespace Roster.Templating.Rendering;

/// <summary>
/// The latest data of every dependency, by key (consul-template's brain). Watches write, renders read. An answer equal
/// to the one already held is not a change: the registry's index moves on writes templates cannot see (a TTL pass).
/// </summary>
internal sealed class Brain
{
    private readonly ConcurrentDictionary<string, (object? Value, byte[] Fingerprint)> _values = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="value"/>; true when it differs from what was held (or nothing was).</summary>
    public bool Remember(string key, object? value)
    {
        // Data values are records and lists of them; their JSON is a faithful and cheap deep-equality test.
        var fingerprint = JsonSerializer.SerializeToUtf8Bytes(value, value?.GetType() ?? typeof(object));
        var previous = _values.TryGetValue(key, out var held) ? held.Fingerprint : null;
        _values[key] = (value, fingerprint);
        return previous is null || !previous.AsSpan().SequenceEqual(fingerprint);
    }

    public bool TryRecall(string key, out object? value)
    {
        var found = _values.TryGetValue(key, out var held);
        value = held.Value;
        return found;
    }

    /// <summary>Drops a dependency no template uses any more, so that a later use waits for fresh data.</summary>
    public void Forget(string key) => _values.TryRemove(key, out _);
}
