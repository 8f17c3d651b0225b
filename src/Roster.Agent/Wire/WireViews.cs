using Roster.Agent.Catalog;
using Roster.Agent.Checks;
using Roster.Agent.Hosting;
using Roster.Protocol.Agent;
using Roster.Protocol.Catalog;
using Roster.Protocol.Durations;
using Roster.Protocol.Health;

namespace Roster.Agent.Wire;

/// <summary>The agent's state as Consul's JSON records: the one place internal shapes meet the wire.</summary>
internal static class WireViews
{
    /// <summary>The node never changes while the agent runs; one record serves every answer.</summary>
    public static Node Node(AgentIdentity node) => NodeViews.GetValue(node, CreateNode);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AgentIdentity, Node> NodeViews = [];

    private static Node CreateNode(AgentIdentity node) => new()
    {
        Id = node.NodeId,
        Name = node.NodeName,
        Address = node.Address,
        Datacenter = node.Datacenter,
        TaggedAddresses = TaggedNodeAddresses(node),
        Meta = new Dictionary<string, string> { ["consul-network-segment"] = "" },
        CreateIndex = 1,
        ModifyIndex = 1,
    };

    public static NodeService NodeService(ServiceInstance service) => new()
    {
        Id = service.Id,
        Service = service.Name,
        Tags = service.Tags,
        Address = service.Address,
        TaggedAddresses = TaggedAddresses(service),
        Meta = service.Meta,
        Port = service.Port,
        Weights = Weights(service.Weights),
        EnableTagOverride = service.EnableTagOverride,
        CreateIndex = service.CreateIndex,
        ModifyIndex = service.ModifyIndex,
    };

    public static AgentService AgentService(ServiceInstance service, AgentIdentity node, string? contentHash = null) => new()
    {
        Id = service.Id,
        Service = service.Name,
        Tags = service.Tags,
        Meta = service.Meta,
        Port = service.Port,
        Address = service.Address,
        TaggedAddresses = TaggedAddresses(service),
        Weights = Weights(service.Weights),
        EnableTagOverride = service.EnableTagOverride,
        ContentHash = contentHash,
        Datacenter = node.Datacenter,
    };

    public static ServiceNode ServiceNode(ServiceInstance service, AgentIdentity node) => new()
    {
        Id = node.NodeId,
        Node = node.NodeName,
        Address = node.Address,
        Datacenter = node.Datacenter,
        TaggedAddresses = TaggedNodeAddresses(node),
        NodeMeta = new Dictionary<string, string> { ["consul-network-segment"] = "" },
        ServiceId = service.Id,
        ServiceName = service.Name,
        ServiceTags = service.Tags,
        ServiceAddress = service.Address,
        ServiceTaggedAddresses = TaggedAddresses(service),
        ServiceWeights = Weights(service.Weights),
        ServiceMeta = service.Meta,
        ServicePort = service.Port,
        ServiceEnableTagOverride = service.EnableTagOverride,
        CreateIndex = service.CreateIndex,
        ModifyIndex = service.ModifyIndex,
    };

    public static HealthCheck HealthCheck(CheckInstance check, AgentIdentity node, IReadOnlyList<string>? serviceTags) => new()
    {
        Node = node.NodeName,
        CheckId = check.Id,
        Name = check.Name,
        Status = check.Status,
        Notes = check.Notes,
        Output = check.Output,
        ServiceId = check.ServiceId,
        ServiceName = check.ServiceName,
        ServiceTags = serviceTags ?? [],
        Type = check.Spec.Type,
        Interval = check.Spec.Interval is { } interval ? GoDuration.Format(interval) : "",
        Timeout = check.Spec.Timeout is { } timeout ? GoDuration.Format(timeout) : "",
        Definition = Definition(check.Spec),
        CreateIndex = check.CreateIndex,
        ModifyIndex = check.ModifyIndex,
    };

    public static CheckServiceNode CheckServiceNode(CatalogSnapshot snapshot, ServiceInstance service, AgentIdentity node) => new()
    {
        Node = Node(node),
        Service = NodeService(service),
        Checks = [.. snapshot.NodeChecks.Concat(snapshot.ChecksOf(service.Id)).Select(c => HealthCheck(c, node, TagsOf(snapshot, c)))],
    };

    /// <summary>The tags of the service a check belongs to, as Consul copies them into the check.</summary>
    public static IReadOnlyList<string> TagsOf(CatalogSnapshot snapshot, CheckInstance check) =>
        snapshot.Services.GetValueOrDefault(check.ServiceId)?.Tags ?? [];

    /// <summary>
    /// The probe's definition. Go's client decodes its durations strictly and fails on an empty string, so absent
    /// durations are left out, never written as "" (consul-api.md §1.14).
    /// </summary>
    private static HealthCheckDefinition Definition(CheckSpec spec) => new()
    {
        Http = spec.Http,
        Header = spec.Header.Count == 0 ? null : spec.Header.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value),
        Method = spec.Method,
        Body = spec.Body,
        TlsSkipVerify = spec.TlsSkipVerify,
        Tcp = spec.Tcp,
        Interval = spec.Interval,
        Timeout = spec.Timeout,
        DeregisterCriticalServiceAfter = spec.DeregisterCriticalServiceAfter,
    };

    private static Dictionary<string, string> TaggedNodeAddresses(AgentIdentity node) => new()
    {
        ["lan"] = node.Address,
        ["lan_ipv4"] = node.Address,
        ["wan"] = node.Address,
        ["wan_ipv4"] = node.Address,
    };

    /// <summary>Left out when empty, as Consul's omitempty does.</summary>
    private static Dictionary<string, ServiceAddress>? TaggedAddresses(ServiceInstance service) =>
        service.TaggedAddresses.Count == 0 ? null : service.TaggedAddresses.ToDictionary(t => t.Key, t => Address(t.Value));

    private static ServiceAddress Address(TaggedAddress address) => new() { Address = address.Address, Port = address.Port };

    private static Weights Weights(ServiceWeights weights) => new() { Passing = weights.Passing, Warning = weights.Warning };
}
