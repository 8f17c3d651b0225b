using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Roster.Protocol.Connect;
using Roster.Protocol.Json;

namespace Roster.Protocol.Catalog;

/// <summary>A service instance as the catalog keeps it: the <c>Service</c> of <c>/v1/health/service</c> and the values of <c>/v1/catalog/node</c>.</summary>
public sealed record NodeService
{
    /// <summary>Service kind; empty (and omitted) for a typical service.</summary>
    [OmitEmpty]
    public string? Kind { get; init; }

    /// <summary>The instance ID.</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = "";

    /// <summary>The service name (Consul's <c>Service</c> field).</summary>
    public string Service { get; init; } = "";

    /// <summary>Tags; health output always has an array here, never null.</summary>
    public IReadOnlyList<string>? Tags { get; init; } = [];

    /// <summary>The instance address; empty means the node's address.</summary>
    public string Address { get; init; } = "";

    /// <summary>Addresses by tag (<c>lan_ipv4</c>, <c>wan_ipv4</c>…); omitted when empty.</summary>
    [OmitEmpty]
    public IReadOnlyDictionary<string, ServiceAddress>? TaggedAddresses { get; init; }

    /// <summary>Service metadata; Consul may write null when never set, clients accept null and <c>{}</c>.</summary>
    public IReadOnlyDictionary<string, string>? Meta { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The instance port; omitted when 0, as Consul's struct says.</summary>
    [OmitEmpty]
    public int Port { get; init; }

    /// <summary>DNS weights.</summary>
    public Weights? Weights { get; init; } = Weights.Default;

    /// <summary>Whether catalog writes may override the tags.</summary>
    public bool EnableTagOverride { get; init; }

    /// <summary>Connect proxy settings; always written, empty for a typical service.</summary>
    public ConnectProxyConfig Proxy { get; init; } = new();

    /// <summary>Connect settings; always written, empty for a typical service.</summary>
    public ServiceConnect Connect { get; init; } = new();

    /// <summary>Index of the write that created the instance.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Index of the last write to the instance.</summary>
    public ulong ModifyIndex { get; init; }
}
