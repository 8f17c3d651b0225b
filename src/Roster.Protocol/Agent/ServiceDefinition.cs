using System.Text.Json.Serialization;
using Roster.Protocol.Catalog;
using Roster.Protocol.Json;

namespace Roster.Protocol.Agent;

/// <summary>
/// The body of <c>PUT /v1/agent/service/register</c>. Decoded with <see cref="ConsulJson.Decode{T}"/>, a null property means the
/// key was absent or null; Consul's own defaults (ID = Name, weights 1/1, node address) are the agent's to apply.
/// </summary>
[IgnoredFields("SocketPath", "Proxy", "Connect", "Locality", "Namespace", "Partition")]
public sealed record ServiceDefinition
{
    /// <summary>Service kind; empty for a typical service.</summary>
    [OmitEmpty]
    public string? Kind { get; init; }

    /// <summary>Instance ID; Consul uses <see cref="Name"/> when it is empty.</summary>
    [JsonPropertyName("ID")]
    [OmitEmpty]
    public string? Id { get; init; }

    /// <summary>Service name; required (<c>400 Missing service name</c>).</summary>
    [OmitEmpty]
    public string? Name { get; init; }

    /// <summary>Tags.</summary>
    [OmitEmpty]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Instance address; empty means the node's address.</summary>
    [OmitEmpty]
    public string? Address { get; init; }

    /// <summary>Addresses by tag; also accepted as <c>tagged_addresses</c>.</summary>
    [OmitEmpty]
    [ConsulAlias("tagged_addresses")]
    public IReadOnlyDictionary<string, ServiceAddress>? TaggedAddresses { get; init; }

    /// <summary>Metadata, which Consul validates (<c>400 Invalid Service Meta</c>).</summary>
    [OmitEmpty]
    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    /// <summary>Instance port.</summary>
    [OmitEmpty]
    public int Port { get; init; }

    /// <summary>A single check; an empty object (<c>{}</c>, equal to <c>new CheckType()</c>) means no check, as in Consul.</summary>
    public CheckType? Check { get; init; }

    /// <summary>More checks; their IDs follow <see cref="Check"/>'s when no CheckID is given.</summary>
    public IReadOnlyList<CheckType>? Checks { get; init; }

    /// <summary>DNS weights; null means Consul's default of 1/1.</summary>
    [OmitEmpty]
    public Weights? Weights { get; init; }

    /// <summary>ACL token for this service.</summary>
    [OmitEmpty]
    public string? Token { get; init; }

    /// <summary>Whether catalog writes may override the tags; also accepted as <c>enable_tag_override</c>.</summary>
    [OmitEmpty]
    [ConsulAlias("enable_tag_override")]
    public bool EnableTagOverride { get; init; }
}
