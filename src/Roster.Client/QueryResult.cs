namespace Roster.Client;

/// <summary>The value of a read and Consul's metadata about it, from the <c>X-Consul-*</c> headers.</summary>
public sealed record QueryResult<T>
{
    /// <summary>The decoded body; null for a missing KV key.</summary>
    public required T Value { get; init; }

    /// <summary>X-Consul-Index: the index to pass as <see cref="QueryOptions.Index"/> to block until the result changes.</summary>
    public ulong LastIndex { get; init; }

    /// <summary>X-Consul-KnownLeader: whether the cluster had a leader.</summary>
    public bool KnownLeader { get; init; }

    /// <summary>X-Consul-LastContact: how long ago the answering server heard from the leader.</summary>
    public TimeSpan LastContact { get; init; }
}
