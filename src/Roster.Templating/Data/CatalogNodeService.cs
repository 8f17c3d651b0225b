namespace Roster.Templating.Data;

/// <summary>One service registered on a node, as listed by <c>node</c> (consul-template's dependency.CatalogNodeService).</summary>
public sealed record CatalogNodeService
{
    /// <summary>The service instance ID.</summary>
    public string ID { get; init; } = "";

    /// <summary>The service name.</summary>
    public string Service { get; init; } = "";

    /// <summary>The service's tags, sorted.</summary>
    public ServiceTags Tags { get; init; } = ServiceTags.Empty;

    /// <summary>The service's metadata.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = EmptyMaps.Strings;

    /// <summary>The service port.</summary>
    public int Port { get; init; }

    /// <summary>The service address as registered.</summary>
    public string Address { get; init; } = "";

    /// <summary>Whether anti-entropy may overwrite the tags.</summary>
    public bool EnableTagOverride { get; init; }
}
