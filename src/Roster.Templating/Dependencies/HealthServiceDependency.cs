using System.Runtime.CompilerServices;
using Roster.Templating.Data;

namespace Roster.Templating.Dependencies;

/// <summary><c>service "…"</c>: the instances of a service with their health, sorted by node then ID (consul-template's order).</summary>
internal sealed class HealthServiceDependency(ServiceQuery query) : IDependency
{
    public string Key { get; } = $"health.service({Describe(query)})";

    public async IAsyncEnumerable<object?> WatchAsync(DependencySource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = DependencySource.Options(query.Datacenter);
        IReadOnlyList<string>? tags = query.Tag is null ? null : [query.Tag];
        await foreach (var result in source.Watch.WatchAsync(
            Key, (q, ct) => source.Consul.Health.ServiceAsync(query.Name, query.PassingOnly, tags, q, ct), options, cancellationToken))
        {
            IReadOnlyList<HealthService> services =
            [
                .. result.Value
                    .Select(DataMapping.HealthService)
                    .Where(service => query.Accepts(service.Status))
                    .OrderBy(service => service.Node, StringComparer.Ordinal)
                    .ThenBy(service => service.ID, StringComparer.Ordinal),
            ];
            yield return services;
        }
    }

    private static string Describe(ServiceQuery query) =>
        (query.Tag is null ? "" : query.Tag + ".") + query.Name
        + (query.Datacenter is null ? "" : "@" + query.Datacenter)
        + (query.Near is null ? "" : "~" + query.Near)
        + "|" + string.Join(',', query.Filters);
}
