using System.Collections.Immutable;

namespace Roster.Agent.Kv;

/// <summary>
/// The KV store at one index: entries sorted by key (ordinal, as Consul's radix tree) and the index at which each
/// deleted key went away, so a watcher of a deleted key sees its index move.
/// </summary>
internal sealed record KvSnapshot(ImmutableSortedDictionary<string, KvPair> Entries, ImmutableDictionary<string, ulong> Tombstones)
{
    /// <summary>The index a client blocks on when a key was never written: never 0, and below any real write.</summary>
    public const ulong NeverWritten = 1;

    public static KvSnapshot Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, KvPair>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ulong>(StringComparer.Ordinal));

    public KvPair? Get(string key) => Entries.GetValueOrDefault(key);

    public IEnumerable<KvPair> List(string prefix) =>
        Entries.Values.SkipWhile(e => string.CompareOrdinal(e.Key, prefix) < 0).TakeWhile(e => e.Key.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// Keys under the prefix; with a separator, each key is cut after the first separator past the prefix and the
    /// "folders" that result are listed once, as Consul's <c>?keys&amp;separator=</c> does.
    /// </summary>
    public IReadOnlyList<string> Keys(string prefix, string? separator)
    {
        var keys = List(prefix).Select(e => e.Key);
        if (!string.IsNullOrEmpty(separator))
        {
            keys = keys.Select(k =>
            {
                var cut = k.IndexOf(separator, prefix.Length, StringComparison.Ordinal);
                return cut < 0 ? k : k[..(cut + separator.Length)];
            }).Distinct(StringComparer.Ordinal);
        }

        return [.. keys];
    }

    public ulong KeyIndex(string key) =>
        Math.Max(Get(key)?.ModifyIndex ?? 0, Tombstones.GetValueOrDefault(key)) is var index and > 0 ? index : NeverWritten;

    public ulong PrefixIndex(string prefix)
    {
        var live = List(prefix).Select(e => e.ModifyIndex).DefaultIfEmpty(0UL).Max();
        var gone = Tombstones.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t.Value).DefaultIfEmpty(0UL).Max();
        return Math.Max(Math.Max(live, gone), NeverWritten);
    }
}
