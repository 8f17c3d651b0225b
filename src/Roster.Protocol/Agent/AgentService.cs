using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Roster.Protocol.Catalog;
using Roster.Protocol.Json;

namespace Roster.Protocol.Agent;

/// <summary>A locally registered service: the values of <c>/v1/agent/services</c> and the body of <c>/v1/agent/service/:id</c>.</summary>
public sealed record AgentService
{
    /// <summary>Service kind; omitted for a typical service.</summary>
    [OmitEmpty]
    public string? Kind { get; init; }

    /// <summary>The instance ID.</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = "";

    /// <summary>The service name (Consul's <c>Service</c> field).</summary>
    public string Service { get; init; } = "";

    /// <summary>Tags; <c>[]</c>, never null, here.</summary>
    public IReadOnlyList<string>? Tags { get; init; } = [];

    /// <summary>Metadata; <c>{}</c>, never null, here.</summary>
    public IReadOnlyDictionary<string, string>? Meta { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The instance port.</summary>
    public int Port { get; init; }

    /// <summary>The instance address; empty means the node's address.</summary>
    public string Address { get; init; } = "";

    /// <summary>Addresses by tag; omitted when empty.</summary>
    [OmitEmpty]
    public IReadOnlyDictionary<string, ServiceAddress>? TaggedAddresses { get; init; }

    /// <summary>DNS weights.</summary>
    public Weights Weights { get; init; } = Weights.Default;

    /// <summary>Whether catalog writes may override the tags.</summary>
    public bool EnableTagOverride { get; init; }

    /// <summary>Opaque hash for hash-based blocking; only on <c>/v1/agent/service/:id</c>, omitted elsewhere.</summary>
    [OmitEmpty]
    public string? ContentHash { get; init; }

    /// <summary>The agent's datacenter; omitted when empty.</summary>
    [OmitEmpty]
    public string? Datacenter { get; init; }
}
