using System.Collections.Immutable;

namespace Roster.Protocol.Agent;

/// <summary>
/// The body of <c>/v1/agent/self</c>, minimal: Go's api client reads it as a map of objects, so every value here is an
/// object or null, and clients mostly read <c>Config.NodeName</c> and <c>Config.Datacenter</c>.
/// </summary>
public sealed record AgentSelf
{
    /// <summary>The agent's identity.</summary>
    public required AgentConfig Config { get; init; }

    /// <summary>Full runtime configuration; any subset of keys will do.</summary>
    public IReadOnlyDictionary<string, object?>? DebugConfig { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>The agent's network coordinate.</summary>
    public Coordinate? Coord { get; init; } = new();

    /// <summary>The agent as a cluster member.</summary>
    public required AgentMember Member { get; init; }

    /// <summary>Runtime statistics by subsystem.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? Stats { get; init; } =
        ImmutableDictionary<string, IReadOnlyDictionary<string, string>>.Empty;

    /// <summary>Node metadata.</summary>
    public IReadOnlyDictionary<string, string>? Meta { get; init; } = ImmutableDictionary<string, string>.Empty;
}
