using Roster.Agent.Blocking;
using Roster.Agent.Persistence;

namespace Roster.Agent.Kv;

/// <summary>
/// The KV store: one writer at a time builds the next immutable <see cref="KvSnapshot"/>, publishes it, then wakes
/// the watchers of every prefix of each key it touched.
/// </summary>
internal sealed class KvStore(IndexCounter index, WatchHub hub, IStatePersistence? persistence = null)
{
    private readonly IStatePersistence _persistence = persistence ?? new InMemoryOnly();

    private readonly Lock _write = new();
    private KvSnapshot _current = KvSnapshot.Empty;

    public KvSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The blocking topic of a key or prefix: a write to a key notifies the topic of each of its prefixes.</summary>
    public static string Topic(string keyOrPrefix) => "kv:" + keyOrPrefix;

    /// <summary>Sets a key. With <paramref name="cas"/>, only when its ModifyIndex equals it (0: only when absent).</summary>
    public bool Put(string key, byte[] value, ulong flags, ulong? cas)
    {
        lock (_write)
        {
            var snapshot = _current;
            var existing = snapshot.Get(key);
            if (cas is { } expected && (existing?.ModifyIndex ?? 0) != expected)
            {
                return false;
            }

            var at = index.Next();
            var pair = new KvPair(key, value, flags, existing?.CreateIndex ?? at, at);
            Publish(snapshot with { Entries = snapshot.Entries.SetItem(key, pair), Tombstones = snapshot.Tombstones.Remove(key) }, [key]);
        }

        NotifyPrefixesOf(key);
        return true;
    }

    /// <summary>Deletes a key; with <paramref name="cas"/>, only when its ModifyIndex equals it (0 never deletes).</summary>
    public bool Delete(string key, ulong? cas)
    {
        lock (_write)
        {
            var snapshot = _current;
            var existing = snapshot.Get(key);
            if (cas is { } expected && (existing is null || existing.ModifyIndex != expected))
            {
                return false;
            }

            if (existing is null)
            {
                // Deleting what is not there is a success that changes nothing, and so bumps nothing.
                return true;
            }

            Publish(snapshot with { Entries = snapshot.Entries.Remove(key), Tombstones = snapshot.Tombstones.SetItem(key, index.Next()) }, [key]);
        }

        NotifyPrefixesOf(key);
        return true;
    }

    /// <summary>Deletes every key under the prefix (all keys for an empty prefix).</summary>
    public void DeleteTree(string prefix)
    {
        List<string> deleted;
        lock (_write)
        {
            var snapshot = _current;
            deleted = [.. snapshot.List(prefix).Select(e => e.Key)];
            if (deleted.Count == 0)
            {
                return;
            }

            var at = index.Next();
            Publish(snapshot with
            {
                Entries = snapshot.Entries.RemoveRange(deleted),
                Tombstones = snapshot.Tombstones.SetItems(deleted.Select(k => KeyValuePair.Create(k, at))),
            }, deleted);
        }

        hub.Notify(deleted.SelectMany(PrefixesOf).Distinct(StringComparer.Ordinal).Select(Topic));
    }

    /// <summary>Loads what the data dir held at start-up, keeping each key's indexes so CAS tokens stay valid.</summary>
    public void Restore(IEnumerable<KvPair> pairs)
    {
        lock (_write)
        {
            var entries = pairs.ToList();
            index.AtLeast(entries.Select(p => p.ModifyIndex).DefaultIfEmpty(0UL).Max());
            Volatile.Write(ref _current, _current with { Entries = _current.Entries.SetItems(entries.Select(p => KeyValuePair.Create(p.Key, p))) });
        }
    }

    /// <summary>Persists, then publishes: a write the client saw succeed survives a SIGKILL.</summary>
    private void Publish(KvSnapshot next, IReadOnlyCollection<string> keys)
    {
        _persistence.SaveKv(next, keys);
        Volatile.Write(ref _current, next);
    }

    private void NotifyPrefixesOf(string key) => hub.Notify(PrefixesOf(key).Select(Topic));

    private static IEnumerable<string> PrefixesOf(string key)
    {
        for (var length = 0; length <= key.Length; length++)
        {
            yield return key[..length];
        }
    }
}
