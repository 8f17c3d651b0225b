using Roster.Templating.Data;

namespace Roster.Templating.Functions;

/// <summary>consul-template's explode and explodeMap: turn flat slash-separated keys into nested maps.</summary>
internal static class KeyValueFunctions
{
    /// <summary>Nests KV pairs by their Key's path segments, in the pairs' order (a later value may replace a folder).</summary>
    public static IReadOnlyDictionary<string, object?> Explode(IEnumerable<KeyPair?>? pairs)
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            if (pair is not null)
            {
                Insert("explode", root, pair.Key, pair.Value, pair.Key);
            }
        }

        return root;
    }

    /// <summary>Nests a flat map by its keys' path segments, keys taken in sorted order.</summary>
    public static IReadOnlyDictionary<string, object?> ExplodeMap(IReadOnlyDictionary<string, object?>? map)
    {
        var root = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in (map?.Keys ?? []).Order(StringComparer.Ordinal))
        {
            Insert("explodeMap", root, key, map![key], key);
        }

        return root;
    }

    // consul-template's explodeHelper.
    private static void Insert(string name, Dictionary<string, object?> map, string key, object? value, string path)
    {
        while (true)
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0)
            {
                if (key.Length > 0)
                {
                    map[key] = value;
                }

                return;
            }

            var top = key[..slash];
            if (!map.TryGetValue(top, out var existing))
            {
                map[top] = existing = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            if (existing is not Dictionary<string, object?> nested)
            {
                throw new InvalidOperationException(
                    $"{name}: not a map: {GoQuote.Quote(path)}: {GoQuote.Quote(top)} already has value {GoKinds.QuoteValue(existing)}");
            }

            path = key;
            key = key[(slash + 1)..];
            map = nested;
        }
    }
}
