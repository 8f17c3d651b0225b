namespace Roster.Client;

/// <summary>Per-request settings: blocking index and wait, ACL token, datacenter and stale reads (writes use only the token and datacenter).</summary>
public sealed record QueryOptions
{
    /// <summary>Blocking-query minimum index; 0 answers at once.</summary>
    public ulong Index { get; init; }

    /// <summary>Longest time the server may hold a blocking query; null leaves Consul's default (5 minutes).</summary>
    public TimeSpan? Wait { get; init; }

    /// <summary>ACL token for this request; null uses <see cref="ConsulClientOptions.Token"/>.</summary>
    public string? Token { get; init; }

    /// <summary>Datacenter for this request; null uses <see cref="ConsulClientOptions.Datacenter"/>.</summary>
    public string? Datacenter { get; init; }

    /// <summary>Whether any server may answer, possibly with stale data.</summary>
    public bool Stale { get; init; }
}
