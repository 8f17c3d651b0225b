using System.Runtime.CompilerServices;
using Roster.Templating.Data;

namespace Roster.Templating.Dependencies;

/// <summary><c>services</c>: every service name with its tags, sorted by name.</summary>
internal sealed class CatalogServicesDependency(string? datacenter) : IDependency
{
    public string Key { get; } = datacenter is null ? "catalog.services" : $"catalog.services(@{datacenter})";

    public async IAsyncEnumerable<object?> WatchAsync(DependencySource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in source.Watch.WatchAsync(
            Key, (q, ct) => source.Consul.Catalog.ServicesAsync(q, ct), DependencySource.Options(datacenter), cancellationToken))
        {
            IReadOnlyList<CatalogSnippet> snippets =
            [
                .. result.Value.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => DataMapping.CatalogSnippet(s.Key, s.Value)),
            ];
            yield return snippets;
        }
    }
}
