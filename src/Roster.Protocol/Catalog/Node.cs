using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Roster.Protocol.Catalog;

/// <summary>A catalog node, as in <c>/v1/catalog/nodes</c> and the <c>Node</c> of health results.</summary>
public sealed record Node
{
    /// <summary>The node's UUID.</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = "";

    /// <summary>The node's name (Consul's <c>Node</c> field).</summary>
    [JsonPropertyName("Node")]
    public string Name { get; init; } = "";

    /// <summary>The node's address, which a service without an address of its own uses.</summary>
    public string Address { get; init; } = "";

    /// <summary>The node's datacenter.</summary>
    public string Datacenter { get; init; } = "";

    /// <summary>Node addresses by tag (<c>lan</c>, <c>lan_ipv4</c>, <c>wan</c>, <c>wan_ipv4</c>); Go writes a nil map as null.</summary>
    public IReadOnlyDictionary<string, string>? TaggedAddresses { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Node metadata; Go writes a nil map as null.</summary>
    public IReadOnlyDictionary<string, string>? Meta { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Index of the write that created the node.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Index of the last write to the node.</summary>
    public ulong ModifyIndex { get; init; }
}
