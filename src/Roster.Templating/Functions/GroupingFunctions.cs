using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Roster.Templating.Data;

namespace Roster.Templating.Functions;

/// <summary>consul-template's byTag, byKey, byPort and byMeta: group dependency results into maps with sorted keys.</summary>
internal static partial class GroupingFunctions
{
    /// <summary>Groups health services, catalog services or catalog snippets by each of their tags.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<object?>> ByTag(object? services)
    {
        var groups = new SortedDictionary<string, List<object?>>(StringComparer.Ordinal);
        foreach (var service in Services("byTag", services))
        {
            IEnumerable<string> tags = service switch
            {
                HealthService h => h.Tags,
                CatalogService c => c.ServiceTags,
                _ => ((CatalogSnippet)service).Tags,
            };
            foreach (var tag in tags)
            {
                Add(groups, tag, service);
            }
        }

        return Freeze(groups);
    }

    /// <summary>Groups health or catalog services by port.</summary>
    public static IReadOnlyDictionary<long, IReadOnlyList<object?>> ByPort(object? services)
    {
        var groups = new SortedDictionary<long, List<object?>>();
        foreach (var service in Services("byPort", services, snippets: false))
        {
            Add(groups, service is HealthService h ? h.Port : ((CatalogService)service).ServicePort, service);
        }

        return new SortedDictionary<long, IReadOnlyList<object?>>(groups.ToDictionary(g => g.Key, g => (IReadOnlyList<object?>)g.Value));
    }

    /// <summary>Groups KV pairs by their first path segment; each pair's Key becomes the rest, and pairs with no rest are dropped.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, KeyPair>> ByKey(IEnumerable<KeyPair?>? pairs)
    {
        var groups = new SortedDictionary<string, SortedDictionary<string, KeyPair>>(StringComparer.Ordinal);
        foreach (var pair in pairs ?? [])
        {
            if (pair is null)
            {
                continue;
            }

            var slash = pair.Key.IndexOf('/', StringComparison.Ordinal);
            var rest = slash < 0 ? "" : pair.Key[(slash + 1)..];
            if (rest.Length == 0)
            {
                continue;
            }

            var top = pair.Key[..slash];
            if (!groups.TryGetValue(top, out var group))
            {
                groups[top] = group = new SortedDictionary<string, KeyPair>(StringComparer.Ordinal);
            }

            group[rest] = pair with { Key = rest };
        }

        return Sorted(groups.ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, KeyPair>)g.Value, StringComparer.Ordinal));
    }

    /// <summary>Groups health services by the values of comma-separated ServiceMeta keys; <c>key|int</c> zero-pads numbers to 5 digits.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<HealthService>> ByMeta(string meta, IEnumerable<HealthService?>? services)
    {
        var keys = meta.Split(',');
        var groups = new SortedDictionary<string, List<HealthService>>(StringComparer.Ordinal);
        foreach (var service in services ?? [])
        {
            if (service is null)
            {
                continue;
            }

            var parts = keys.Select(key => Unsafe().Replace(MetaValue(service.ServiceMeta, key), "_"));
            var group = string.Join('_', parts);
            if (!groups.TryGetValue(group, out var list))
            {
                groups[group] = list = [];
            }

            list.Add(service);
        }

        return Sorted(groups.ToDictionary(g => g.Key, g => (IReadOnlyList<HealthService>)g.Value, StringComparer.Ordinal));
    }

    private static string MetaValue(IReadOnlyDictionary<string, string> meta, string key)
    {
        var isInt = key.EndsWith("|int", StringComparison.Ordinal);
        var realKey = isInt ? key[..^4] : key;
        var value = meta.TryGetValue(realKey, out var v) && v.Length > 0 ? v : isInt ? "0" : $"_no_{realKey}_";
        if (!isInt)
        {
            return value;
        }

        // strconv.Atoi: an optional sign and decimal digits only.
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw new InvalidOperationException($"cannot parse {value} as number : strconv.Atoi: parsing {GoQuote.Quote(value)}: invalid syntax");
        }

        // Go's %05d counts the sign in the width.
        return number < 0 ? "-" + (-number).ToString("D4", CultureInfo.InvariantCulture) : number.ToString("D5", CultureInfo.InvariantCulture);
    }

    // Go matches the argument's static type; here every element must be one of the accepted records.
    private static List<object> Services(string name, object? services, bool snippets = true)
    {
        if (services is null)
        {
            return [];
        }

        if (services is IEnumerable list and not string && services is not IDictionary)
        {
            var items = list.Cast<object?>().ToList();
            if (items.All(i => i is HealthService or CatalogService || (snippets && i is CatalogSnippet)))
            {
                return items!;
            }
        }

        throw new InvalidOperationException($"{name}: wrong argument type {GoKinds.TypeName(services)}");
    }

    private static void Add<TKey>(SortedDictionary<TKey, List<object?>> groups, TKey key, object service)
        where TKey : notnull
    {
        if (!groups.TryGetValue(key, out var list))
        {
            groups[key] = list = [];
        }

        list.Add(service);
    }

    private static SortedDictionary<string, IReadOnlyList<object?>> Freeze(SortedDictionary<string, List<object?>> groups) =>
        Sorted(groups.ToDictionary(g => g.Key, g => (IReadOnlyList<object?>)g.Value, StringComparer.Ordinal));

    // Sorted so that callers enumerating the map (tests, toJSON) see Go's range order without sorting again.
    private static SortedDictionary<string, T> Sorted<T>(Dictionary<string, T> map) => new(map, StringComparer.Ordinal);

    [GeneratedRegex("[^a-zA-Z0-9_-]")]
    private static partial Regex Unsafe();
}
