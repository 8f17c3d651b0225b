using Roster.Agent.Catalog;
using Roster.Agent.Kv;

namespace Roster.Agent.Persistence;

/// <summary>
/// Where acknowledged writes go before the agent answers: nowhere in dev mode, files under -data-dir otherwise.
/// Called under the store's write lock, so writes reach it in the order they happened.
/// </summary>
internal interface IStatePersistence
{
    /// <summary>Saves (or removes, when gone from <paramref name="after"/>) the named services with their checks, and node checks.</summary>
    void SaveCatalog(CatalogSnapshot after, IReadOnlyCollection<string> serviceIds, IReadOnlyCollection<string> nodeCheckIds);

    /// <summary>Saves the keys present in <paramref name="after"/> and removes the others of <paramref name="keys"/>.</summary>
    void SaveKv(KvSnapshot after, IReadOnlyCollection<string> keys);
}

/// <summary>Dev mode without -data-dir: state lives in memory only, as in <c>consul agent -dev</c>.</summary>
internal sealed class InMemoryOnly : IStatePersistence
{
    public void SaveCatalog(CatalogSnapshot after, IReadOnlyCollection<string> serviceIds, IReadOnlyCollection<string> nodeCheckIds)
    {
    }

    public void SaveKv(KvSnapshot after, IReadOnlyCollection<string> keys)
    {
    }
}
