using Roster.Protocol.Catalog;

namespace Roster.Protocol.Health;

/// <summary>One element of <c>/v1/health/service/:name</c>: the node, the instance and all their checks (node checks first).</summary>
public sealed record CheckServiceNode
{
    /// <summary>The node the instance runs on.</summary>
    public required Node Node { get; init; }

    /// <summary>The service instance.</summary>
    public required NodeService Service { get; init; }

    /// <summary>Node-level checks (such as <c>serfHealth</c>) followed by the instance's checks.</summary>
    public IReadOnlyList<HealthCheck>? Checks { get; init; } = [];
}
