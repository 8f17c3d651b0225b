namespace Roster.Templating.Data;

/// <summary>One instance returned by <c>service</c>, field for field consul-template's dependency.HealthService.</summary>
public sealed record HealthService
{
    /// <summary>The node's name.</summary>
    public string Node { get; init; } = "";

    /// <summary>The node's UUID.</summary>
    public string NodeID { get; init; } = "";

    /// <summary>The service kind (empty for a typical service, connect-proxy, ...).</summary>
    public string Kind { get; init; } = "";

    /// <summary>The node's address.</summary>
    public string NodeAddress { get; init; } = "";

    /// <summary>The node's datacenter.</summary>
    public string NodeDatacenter { get; init; } = "";

    /// <summary>The node's tagged addresses (lan, wan, ...).</summary>
    public IReadOnlyDictionary<string, string> NodeTaggedAddresses { get; init; } = EmptyMaps.Strings;

    /// <summary>The node's metadata.</summary>
    public IReadOnlyDictionary<string, string> NodeMeta { get; init; } = EmptyMaps.Strings;

    /// <summary>The service's metadata.</summary>
    public IReadOnlyDictionary<string, string> ServiceMeta { get; init; } = EmptyMaps.Strings;

    /// <summary>The service address, or the node address when the service registered none (consul-template's fallback).</summary>
    public string Address { get; init; } = "";

    /// <summary>The service's tagged addresses.</summary>
    public IReadOnlyDictionary<string, ServiceAddress> ServiceTaggedAddresses { get; init; } = EmptyMaps.Addresses;

    /// <summary>The service instance ID.</summary>
    public string ID { get; init; } = "";

    /// <summary>The service name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The service's tags, sorted.</summary>
    public ServiceTags Tags { get; init; } = ServiceTags.Empty;

    /// <summary>The node's and the service's checks.</summary>
    public IReadOnlyList<HealthCheck> Checks { get; init; } = [];

    /// <summary>The aggregated status of all the checks (maintenance, critical, warning or passing).</summary>
    public string Status { get; init; } = "";

    /// <summary>The service port.</summary>
    public int Port { get; init; }

    /// <summary>The service's DNS weights.</summary>
    public Weights Weights { get; init; } = new();

    /// <summary>The Consul Enterprise namespace; empty on Consul CE.</summary>
    public string Namespace { get; init; } = "";
}
