namespace Roster.Templating.Data;

/// <summary>One catalog entry of a service, field for field consul-template's dependency.CatalogService.</summary>
public sealed record CatalogService
{
    /// <summary>The node's UUID.</summary>
    public string ID { get; init; } = "";

    /// <summary>The node's name.</summary>
    public string Node { get; init; } = "";

    /// <summary>The node's address.</summary>
    public string Address { get; init; } = "";

    /// <summary>The node's datacenter.</summary>
    public string Datacenter { get; init; } = "";

    /// <summary>The node's tagged addresses.</summary>
    public IReadOnlyDictionary<string, string> TaggedAddresses { get; init; } = EmptyMaps.Strings;

    /// <summary>The node's metadata.</summary>
    public IReadOnlyDictionary<string, string> NodeMeta { get; init; } = EmptyMaps.Strings;

    /// <summary>The service instance ID.</summary>
    public string ServiceID { get; init; } = "";

    /// <summary>The service name.</summary>
    public string ServiceName { get; init; } = "";

    /// <summary>The service address as registered (no fallback to the node's).</summary>
    public string ServiceAddress { get; init; } = "";

    /// <summary>The service's tags, sorted.</summary>
    public ServiceTags ServiceTags { get; init; } = ServiceTags.Empty;

    /// <summary>The service's metadata.</summary>
    public IReadOnlyDictionary<string, string> ServiceMeta { get; init; } = EmptyMaps.Strings;

    /// <summary>The service port.</summary>
    public int ServicePort { get; init; }
}
