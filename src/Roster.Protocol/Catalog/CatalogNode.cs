using System.Collections.Immutable;

namespace Roster.Protocol.Catalog;

/// <summary>The body of <c>/v1/catalog/node/:node</c>: the node and its services by instance ID (an unknown node is the body <c>null</c>).</summary>
public sealed record CatalogNode
{
    /// <summary>The node.</summary>
    public required Node Node { get; init; }

    /// <summary>The node's service instances by ID.</summary>
    public IReadOnlyDictionary<string, NodeService>? Services { get; init; } = ImmutableDictionary<string, NodeService>.Empty;
}
