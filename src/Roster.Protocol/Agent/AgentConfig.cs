using System.Text.Json.Serialization;

namespace Roster.Protocol.Agent;

/// <summary>The <c>Config</c> object of <c>/v1/agent/self</c>.</summary>
public sealed record AgentConfig
{
    /// <summary>The agent's datacenter.</summary>
    public string Datacenter { get; init; } = "";

    /// <summary>The primary datacenter (the agent's own on a single node).</summary>
    public string PrimaryDatacenter { get; init; } = "";

    /// <summary>The node name; consul-template's <c>{{node}}</c> reads it.</summary>
    public string NodeName { get; init; } = "";

    /// <summary>The node's UUID.</summary>
    [JsonPropertyName("NodeID")]
    public string NodeId { get; init; } = "";

    /// <summary>Source revision of the build.</summary>
    public string Revision { get; init; } = "";

    /// <summary>Whether the agent is a server (true for a dev agent).</summary>
    public bool Server { get; init; }

    /// <summary>Version string.</summary>
    public string Version { get; init; } = "";

    /// <summary>Build date, RFC 3339.</summary>
    public string BuildDate { get; init; } = "";
}
