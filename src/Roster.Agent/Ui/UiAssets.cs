using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Roster.Agent.Ui;

/// <summary>The dashboard's files, embedded in this assembly (Ui/wwwroot), read once and kept in memory: they are a few KiB.</summary>
internal static class UiAssets
{
    private const string ResourcePrefix = "Roster.Agent.Ui.wwwroot.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, UiAsset>> All = new(Load);

    /// <summary>The asset for a file name such as <c>app.js</c>; null when there is none (names are case-sensitive, as on disk).</summary>
    public static UiAsset? Find(string name) => All.Value.GetValueOrDefault(name);

    private static FrozenDictionary<string, UiAsset> Load()
    {
        var assembly = typeof(UiAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(resource => resource[ResourcePrefix.Length..], resource => Read(assembly, resource), StringComparer.Ordinal);
    }

    private static UiAsset Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var type = ContentTypes.GetValueOrDefault(Path.GetExtension(resource), "application/octet-stream");
        return new UiAsset(bytes, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
    }
}
