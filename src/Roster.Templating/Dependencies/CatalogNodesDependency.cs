using System.Runtime.CompilerServices;

namespace Roster.Templating.Dependencies;

/// <summary><c>nodes</c>: every node of the datacenter, sorted by name then address.</summary>
internal sealed class CatalogNodesDependency(string? datacenter) : IDependency
{
    public string Key { get; } = datacenter is null ? "catalog.nodes" : $"catalog.nodes(@{datacenter})";

    public async IAsyncEnumerable<object?> WatchAsync(DependencySource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in source.Watch.WatchAsync(
            Key, (q, ct) => source.Consul.Catalog.NodesAsync(q, ct), DependencySource.Options(datacenter), cancellationToken))
        {
            IReadOnlyList<Data.NodeInfo> nodes =
            [
                .. result.Value
                    .OrderBy(n => n.Name, StringComparer.Ordinal)
                    .ThenBy(n => n.Address, StringComparer.Ordinal)
                    .Select(DataMapping.Node),
            ];
            yield return nodes;
        }
    }
}
