using System.Collections.Immutable;
using System.Text;
using Roster.Protocol.Health;
using Roster.Protocol.Kv;
using Roster.Templating.Data;
using Wire = Roster.Protocol.Catalog;

namespace Roster.Templating.Dependencies;

/// <summary>What the registry answers, turned into what consul-template's templates see (consul-api.md §3.12).</summary>
internal static class DataMapping
{
    public static HealthService HealthService(CheckServiceNode entry) => new()
    {
        Node = entry.Node.Name,
        NodeID = entry.Node.Id,
        NodeAddress = entry.Node.Address,
        NodeDatacenter = entry.Node.Datacenter,
        NodeTaggedAddresses = entry.Node.TaggedAddresses ?? ImmutableDictionary<string, string>.Empty,
        NodeMeta = entry.Node.Meta ?? ImmutableDictionary<string, string>.Empty,
        ServiceMeta = entry.Service.Meta ?? ImmutableDictionary<string, string>.Empty,
        // consul-template's rule: the service's address, else its node's.
        Address = string.IsNullOrEmpty(entry.Service.Address) ? entry.Node.Address : entry.Service.Address,
        ServiceTaggedAddresses = (entry.Service.TaggedAddresses ?? ImmutableDictionary<string, Wire.ServiceAddress>.Empty)
            .ToImmutableSortedDictionary(a => a.Key, a => new Data.ServiceAddress { Address = a.Value.Address, Port = a.Value.Port }, StringComparer.Ordinal),
        ID = entry.Service.Id,
        Name = entry.Service.Service,
        Kind = entry.Service.Kind ?? "",
        Tags = ServiceTags.Sorted(entry.Service.Tags ?? []),
        Checks = [.. (entry.Checks ?? []).Select(HealthCheck)],
        Status = AggregatedStatus(entry.Checks ?? []),
        Port = entry.Service.Port,
        Weights = entry.Service.Weights is { } weights ? new Data.Weights { Passing = weights.Passing, Warning = weights.Warning } : new Data.Weights(),
    };

    public static CatalogSnippet CatalogSnippet(string name, IReadOnlyList<string> tags) => new() { Name = name, Tags = ServiceTags.Sorted(tags) };

    public static KeyPair KeyPair(string prefix, KvEntry entry) => new()
    {
        Path = entry.Key,
        // consul-template strips the prefix and the slashes after it: ls "app" shows "port", not "/port".
        Key = entry.Key.StartsWith(prefix, StringComparison.Ordinal) ? entry.Key[prefix.Length..].TrimStart('/') : entry.Key,
        Value = Encoding.UTF8.GetString(entry.Value.Span),
        Exists = true,
        CreateIndex = entry.CreateIndex,
        ModifyIndex = entry.ModifyIndex,
        LockIndex = entry.LockIndex,
        Flags = entry.Flags,
        Session = entry.Session ?? "",
    };

    public static NodeInfo Node(Wire.Node node) => new()
    {
        ID = node.Id,
        Node = node.Name,
        Address = node.Address,
        Datacenter = node.Datacenter,
        TaggedAddresses = node.TaggedAddresses ?? ImmutableDictionary<string, string>.Empty,
        Meta = node.Meta ?? ImmutableDictionary<string, string>.Empty,
    };

    /// <summary>An unknown node is an empty node with no services, as consul-template gives it.</summary>
    public static CatalogNode CatalogNode(Wire.CatalogNode? node) => node is null
        ? new CatalogNode()
        : new CatalogNode
        {
            Node = Node(node.Node),
            Services =
            [
                .. (node.Services ?? ImmutableDictionary<string, Wire.NodeService>.Empty).Values
                    .OrderBy(s => s.Service, StringComparer.Ordinal)
                    .ThenBy(s => s.Id, StringComparer.Ordinal)
                    .Select(s => new CatalogNodeService
                    {
                        ID = s.Id,
                        Service = s.Service,
                        Tags = ServiceTags.Sorted(s.Tags ?? []),
                        Meta = s.Meta ?? ImmutableDictionary<string, string>.Empty,
                        Port = s.Port,
                        Address = s.Address,
                        EnableTagOverride = s.EnableTagOverride,
                    }),
            ],
        };

    private static Data.HealthCheck HealthCheck(Roster.Protocol.Health.HealthCheck check) => new()
    {
        Node = check.Node,
        CheckID = check.CheckId,
        Name = check.Name,
        Status = check.Status,
        Notes = check.Notes,
        Output = check.Output,
        ServiceID = check.ServiceId,
        ServiceName = check.ServiceName,
        ServiceTags = check.ServiceTags ?? [],
        Type = check.Type,
        ExposedPort = check.ExposedPort,
        CreateIndex = check.CreateIndex,
        ModifyIndex = check.ModifyIndex,
    };

    // Consul's api.HealthChecks.AggregatedStatus: maintenance beats critical beats warning beats passing; no checks is passing.
    private static string AggregatedStatus(IReadOnlyList<Roster.Protocol.Health.HealthCheck> checks)
    {
        if (checks.Any(c => c.CheckId == "_node_maintenance" || c.CheckId.StartsWith("_service_maintenance:", StringComparison.Ordinal)))
        {
            return "maintenance";
        }

        return checks.Any(c => c.Status == CheckStatus.Critical) ? CheckStatus.Critical
            : checks.Any(c => c.Status == CheckStatus.Warning) ? CheckStatus.Warning
            : CheckStatus.Passing;
    }
}
