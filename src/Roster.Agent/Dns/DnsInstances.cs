using Roster.Agent.Catalog;
using Roster.Agent.Health;
using Roster.Protocol.Health;

namespace Roster.Agent.Dns;

/// <summary>The instances a service lookup answers with, and the SRV weight of each.</summary>
internal static class DnsInstances
{
    /// <summary>
    /// Consul's DNS filter (CheckServiceNodes.Filter with only_passing=false): drop an instance when any of its checks or
    /// the node's is critical, maintenance included (its check is critical); keep warning. Unlike HTTP ?passing.
    /// Service names and tags match case-insensitively, as Consul's catalog does for DNS.
    /// </summary>
    public static IEnumerable<ServiceInstance> Healthy(CatalogSnapshot snapshot, string name, string tag)
    {
        var nodeCritical = snapshot.NodeChecks.Any(c => c.Status == CheckStatus.Critical);
        if (nodeCritical)
        {
            return [];
        }

        return snapshot.IdsByName
            .Where(n => string.Equals(n.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(n => snapshot.InstancesOf(n.Key))
            .Where(i => tag.Length == 0 || i.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            .Where(i => snapshot.ChecksOf(i.Id).All(c => c.Status != CheckStatus.Critical));
    }

    /// <summary>Consul's findWeight: Weights.Warning for a warning instance, Weights.Passing for a passing one, 1 otherwise.</summary>
    public static int Weight(CatalogSnapshot snapshot, ServiceInstance instance) =>
        AggregatedStatus.Of(snapshot.NodeChecks.Concat(snapshot.ChecksOf(instance.Id))) switch
        {
            CheckStatus.Warning => instance.Weights.Warning,
            CheckStatus.Passing => instance.Weights.Passing,
            _ => 1,
        };
}
