using System.Collections.Immutable;

namespace Roster.Agent.Catalog;

/// <summary>
/// The node's services and checks at one index, with the per-service-name indexes that let a watcher of one
/// service block through writes to every other. Never mutated: a write publishes a new snapshot.
/// </summary>
internal sealed record CatalogSnapshot
{
    public static CatalogSnapshot Empty { get; } = new();

    public ImmutableDictionary<string, ServiceInstance> Services { get; init; } = ImmutableDictionary.Create<string, ServiceInstance>(StringComparer.Ordinal);

    public ImmutableDictionary<string, CheckInstance> Checks { get; init; } = ImmutableDictionary.Create<string, CheckInstance>(StringComparer.Ordinal);

    public ImmutableDictionary<string, ImmutableSortedSet<string>> IdsByName { get; init; } =
        ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);

    public ImmutableDictionary<string, ImmutableSortedSet<string>> CheckIdsByService { get; init; } =
        ImmutableDictionary.Create<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);

    /// <summary>Per service name: the last write to any of its instances or their checks, deregistrations included.</summary>
    public ImmutableDictionary<string, ulong> NameIndexes { get; init; } = ImmutableDictionary.Create<string, ulong>(StringComparer.Ordinal);

    /// <summary>The last write to the set of service names or their tags.</summary>
    public ulong ServicesIndex { get; init; } = 1;

    /// <summary>The last write to a node-level check; every health result carries the node's checks.</summary>
    public ulong NodeChecksIndex { get; init; } = 1;

    /// <summary>The last write to any check.</summary>
    public ulong ChecksIndex { get; init; } = 1;

    /// <summary>The last write of any kind.</summary>
    public ulong Index { get; init; } = 1;

    public IEnumerable<ServiceInstance> InstancesOf(string name) =>
        IdsByName.TryGetValue(name, out var ids) ? ids.Select(id => Services[id]) : [];

    public IEnumerable<CheckInstance> ChecksOf(string serviceId) =>
        CheckIdsByService.TryGetValue(serviceId, out var ids) ? ids.Select(id => Checks[id]) : [];

    public IEnumerable<CheckInstance> NodeChecks => ChecksOf("");

    /// <summary>The index of everything a health or catalog query for one service reads.</summary>
    public ulong ServiceIndex(string name) => Math.Max(NameIndexes.GetValueOrDefault(name, 1UL), NodeChecksIndex);

    /// <summary>Every service name with the union of its instances' tags, as /v1/catalog/services lists them.</summary>
    public IEnumerable<(string Name, IReadOnlyList<string> Tags)> ServiceNames() =>
        IdsByName.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => (n.Key, TagsOf(n.Key)));

    public IReadOnlyList<string> TagsOf(string name) =>
        [.. InstancesOf(name).SelectMany(i => i.Tags).Distinct(StringComparer.Ordinal)];
}
