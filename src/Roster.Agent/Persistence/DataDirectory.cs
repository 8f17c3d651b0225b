using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Roster.Agent.Catalog;
using Roster.Agent.Hosting;
using Roster.Agent.Kv;

namespace Roster.Agent.Persistence;

/// <summary>
/// -data-dir: one small JSON file per service (with its checks), per node check and per key, rewritten on each
/// write before the agent answers. A write costs one file, whatever the size of the catalog.
/// </summary>
internal sealed class DataDirectory : IStatePersistence
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly string _services;
    private readonly string _checks;
    private readonly string _kv;

    public DataDirectory(string root)
    {
        _services = Directory.CreateDirectory(Path.Combine(root, "services")).FullName;
        _checks = Directory.CreateDirectory(Path.Combine(root, "checks")).FullName;
        _kv = Directory.CreateDirectory(Path.Combine(root, "kv")).FullName;
    }

    public void SaveCatalog(CatalogSnapshot after, IReadOnlyCollection<string> serviceIds, IReadOnlyCollection<string> nodeCheckIds)
    {
        foreach (var id in serviceIds)
        {
            var service = after.Services.GetValueOrDefault(id);
            Save(_services, id, service is null || NodeBootstrap.IsBuiltIn(service) ? null : new StoredService(service, [.. after.ChecksOf(id)]));
        }

        foreach (var id in nodeCheckIds)
        {
            var check = after.Checks.GetValueOrDefault(id);
            Save(_checks, id, check is null || NodeBootstrap.IsBuiltIn(check) ? null : check);
        }
    }

    public void SaveKv(KvSnapshot after, IReadOnlyCollection<string> keys)
    {
        foreach (var key in keys)
        {
            Save(_kv, key, after.Get(key));
        }
    }

    public IReadOnlyList<StoredService> LoadServices() => Load<StoredService>(_services);

    public IReadOnlyList<CheckInstance> LoadNodeChecks() => Load<CheckInstance>(_checks);

    public IReadOnlyList<KvPair> LoadKv() => Load<KvPair>(_kv);

    private static void Save<T>(string directory, string id, T? value)
        where T : class
    {
        var file = Path.Combine(directory, FileName(id));
        if (value is null)
        {
            File.Delete(file);
            return;
        }

        // Write aside, flush to disk, then rename over the old file: a reader (or a restart after SIGKILL) sees the
        // old version or the new one, never half of one. A finished write() already survives the process's death.
        var temporary = file + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, value, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, file, overwrite: true);
    }

    private static List<T> Load<T>(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal)
            .Select(file => JsonSerializer.Deserialize<T>(File.ReadAllBytes(file), Json)!)];

    /// <summary>IDs and keys may hold any character and be long; a hash makes a safe, short file name.</summary>
    private static string FileName(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id))) + ".json";
}

/// <summary>A service and its checks, as one file holds them.</summary>
internal sealed record StoredService(ServiceInstance Service, IReadOnlyList<CheckInstance> Checks);
