using System.Text.RegularExpressions;
using Roster.Templating.Data;
using Roster.Templating.Dependencies;

namespace Roster.Templating.Rendering;

/// <summary>
/// consul-template's registry functions (<c>service</c>, <c>key</c>, <c>ls</c>…): each names a dependency and returns its
/// data, or an empty value while the data has not arrived (the template is then not written).
/// </summary>
internal static partial class RegistryFunctions
{
    public static IEnumerable<KeyValuePair<string, Delegate>> Create(RenderScope scope)
    {
        yield return new("service", (params string[] query) =>
            scope.Current.Read<IReadOnlyList<HealthService>>(new HealthServiceDependency(ServiceQuery.Parse(query)), []));
        yield return new("services", (params string[] query) =>
            scope.Current.Read<IReadOnlyList<CatalogSnippet>>(new CatalogServicesDependency(DatacenterOnly("catalog.services", query)), []));
        yield return new("key", (string path) => Key(scope, path, block: true)?.Value ?? "");
        yield return new("keyExists", (string path) => Key(scope, path, block: false)?.Exists ?? false);
        yield return new("keyOrDefault", (string path, string fallback) =>
            Key(scope, path, block: false) is { Exists: true, Value.Length: > 0 } found ? found.Value : fallback);
        yield return new("ls", (string prefix) => List(scope, prefix, directChildrenOnly: true, safe: false));
        yield return new("safeLs", (string prefix) => List(scope, prefix, directChildrenOnly: true, safe: true));
        yield return new("tree", (string prefix) => List(scope, prefix, directChildrenOnly: false, safe: false));
        yield return new("safeTree", (string prefix) => List(scope, prefix, directChildrenOnly: false, safe: true));
        yield return new("nodes", (params string[] query) =>
            scope.Current.Read<IReadOnlyList<NodeInfo>>(new CatalogNodesDependency(DatacenterOnly("catalog.nodes", query)), []));
        yield return new("node", (params string[] query) => Node(scope, query));
    }

    private static KvValue? Key(RenderScope scope, string path, bool block)
    {
        var (key, datacenter) = KeyPath("kv.get", path);
        return scope.Current.Read<KvValue?>(new KvGetDependency(key, datacenter, block), null);
    }

    private static IReadOnlyList<KeyPair> List(RenderScope scope, string path, bool directChildrenOnly, bool safe)
    {
        var (prefix, datacenter) = KeyPath("kv.list", path);
        var dependency = new KvListDependency(prefix, datacenter);
        var pairs = scope.Current.Read<IReadOnlyList<KeyPair>>(dependency, []);
        // ls shows the keys right under the prefix; tree everything below it but the folder keys themselves.
        IReadOnlyList<KeyPair> shown = directChildrenOnly
            ? [.. pairs.Where(p => p.Key.Length > 0 && !p.Key.Contains('/', StringComparison.Ordinal))]
            : [.. pairs.Where(p => !p.Key.EndsWith('/') && p.Key.Length > 0)];
        if (safe && shown.Count == 0)
        {
            // safeLs/safeTree: an empty prefix is far more likely an outage or a typo than the truth; keep the last file.
            scope.Current.Refuse(dependency);
        }

        return shown;
    }

    private static object? Node(RenderScope scope, string[] query)
    {
        var text = string.Join("", query);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var (name, datacenter) = at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
        return scope.Current.Read<object?>(new CatalogNodeDependency(name, datacenter), null);
    }

    // "path@dc": consul-template's KV grammar; a leading slash is dropped, as Consul ignores it.
    private static (string Key, string? Datacenter) KeyPath(string kind, string path)
    {
        var match = KeyGrammar().Match(path);
        if (!match.Success)
        {
            throw new FormatException($"{kind}: invalid format: \"{path}\"");
        }

        return (match.Groups["key"].Value.TrimStart('/'), match.Groups["dc"].Success ? match.Groups["dc"].Value : null);
    }

    private static string? DatacenterOnly(string kind, string[] query)
    {
        var text = string.Join("", query);
        if (text.Length == 0)
        {
            return null;
        }

        return text.StartsWith('@') && text.Length > 1 ? text[1..] : throw new FormatException($"{kind}: invalid format: \"{text}\"");
    }

    [GeneratedRegex(@"\A(?<key>[^@]*)(@(?<dc>[\w.\-]+))?\z")]
    private static partial Regex KeyGrammar();
}
