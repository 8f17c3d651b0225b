namespace Roster.Agent.Dns;

/// <summary>Consul's dns_config knobs that shape UDP answers.</summary>
internal sealed record DnsOptions
{
    /// <summary>
    /// Consul's udp_answer_limit (default 3): the most answers a UDP reply without EDNS carries, capped at Consul's
    /// hard maximum of 8. EDNS replies are bounded only by the client's buffer size.
    /// </summary>
    public int UdpAnswerLimit { get; init; } = 3;

    /// <summary>
    /// Consul's enable_truncate: set TC when answers were cut, so resolvers retry over TCP and get them all. Consul
    /// defaults it to false; Roster turns it on, as Consul's HAProxy guide recommends, because a silent cut hides instances.
    /// </summary>
    public bool EnableTruncate { get; init; } = true;
}
