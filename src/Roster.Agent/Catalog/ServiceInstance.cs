using System.Collections.Immutable;

namespace Roster.Agent.Catalog;

/// <summary>One registered service instance, as the agent keeps it.</summary>
internal sealed record ServiceInstance
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>Empty means "the node's address", as in Consul.</summary>
    public string Address { get; init; } = "";

    public int Port { get; init; }

    public ImmutableSortedDictionary<string, string> Meta { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    public ImmutableSortedDictionary<string, TaggedAddress> TaggedAddresses { get; init; } =
        ImmutableSortedDictionary.Create<string, TaggedAddress>(StringComparer.Ordinal);

    public ServiceWeights Weights { get; init; } = ServiceWeights.Default;

    public bool EnableTagOverride { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }
}

/// <summary>An address under a name (lan_ipv4, wan_ipv4...).</summary>
internal sealed record TaggedAddress(string Address, int Port);

/// <summary>DNS weights of an instance by its health.</summary>
internal sealed record ServiceWeights(int Passing, int Warning)
{
    public static ServiceWeights Default { get; } = new(1, 1);
}
