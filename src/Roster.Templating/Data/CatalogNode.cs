namespace Roster.Templating.Data;

/// <summary>What <c>node</c> returns: the node and its services sorted by service name then ID.</summary>
public sealed record CatalogNode
{
    /// <summary>The node; null when the node is unknown (consul-template returns an empty CatalogNode then).</summary>
    public NodeInfo? Node { get; init; }

    /// <summary>The node's services.</summary>
    public IReadOnlyList<CatalogNodeService> Services { get; init; } = [];
}
