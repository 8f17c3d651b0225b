using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Roster.Protocol.Connect;
using Roster.Protocol.Json;

namespace Roster.Protocol.Catalog;

/// <summary>One element of <c>/v1/catalog/service/:name</c>: node fields, then the instance's fields prefixed with <c>Service</c>.</summary>
public sealed record ServiceNode
{
    /// <summary>The node's UUID.</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = "";

    /// <summary>The node's name.</summary>
    public string Node { get; init; } = "";

    /// <summary>The node's address.</summary>
    public string Address { get; init; } = "";

    /// <summary>The node's datacenter.</summary>
    public string Datacenter { get; init; } = "";

    /// <summary>Node addresses by tag; may be null.</summary>
    public IReadOnlyDictionary<string, string>? TaggedAddresses { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Node metadata.</summary>
    public IReadOnlyDictionary<string, string>? NodeMeta { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Service kind; written even when empty.</summary>
    public string ServiceKind { get; init; } = "";

    /// <summary>The instance ID.</summary>
    [JsonPropertyName("ServiceID")]
    public string ServiceId { get; init; } = "";

    /// <summary>The service name.</summary>
    public string ServiceName { get; init; } = "";

    /// <summary>The instance tags.</summary>
    public IReadOnlyList<string>? ServiceTags { get; init; } = [];

    /// <summary>The instance address; empty means "use the node's <see cref="Address"/>".</summary>
    public string ServiceAddress { get; init; } = "";

    /// <summary>Instance addresses by tag; omitted when empty.</summary>
    [OmitEmpty]
    public IReadOnlyDictionary<string, ServiceAddress>? ServiceTaggedAddresses { get; init; }

    /// <summary>DNS weights.</summary>
    public Weights ServiceWeights { get; init; } = Weights.Default;

    /// <summary>Instance metadata.</summary>
    public IReadOnlyDictionary<string, string>? ServiceMeta { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The instance port.</summary>
    public int ServicePort { get; init; }

    /// <summary>Unix socket path; written even when empty.</summary>
    public string ServiceSocketPath { get; init; } = "";

    /// <summary>Whether catalog writes may override the tags.</summary>
    public bool ServiceEnableTagOverride { get; init; }

    /// <summary>Connect proxy settings; empty for a typical service.</summary>
    public ConnectProxyConfig ServiceProxy { get; init; } = new();

    /// <summary>Connect settings; empty for a typical service.</summary>
    public ServiceConnect ServiceConnect { get; init; } = new();

    /// <summary>Index of the write that created the instance.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Index of the last write to the instance.</summary>
    public ulong ModifyIndex { get; init; }
}
