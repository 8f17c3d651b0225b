using System.Net;

namespace Roster.Agent.Dns;

/// <summary>What a question under <c>consul.</c> asks for, as Consul's DNS dispatcher reads the name.</summary>
internal abstract record DnsName
{
    /// <summary><c>[tag.]service.service[.dc].consul</c> or RFC 2782 <c>_service._tag.service[.dc].consul</c>; an empty tag filters nothing.</summary>
    public sealed record Service(string Name, string Tag, string Datacenter) : DnsName;

    /// <summary><c>node.node[.dc].consul</c>; the node may contain dots (Consul joins the labels), which is how per-instance targets parse too.</summary>
    public sealed record Node(string Name, string Datacenter) : DnsName;

    /// <summary><c>hex.addr[.dc].consul</c>: Consul's address echo.</summary>
    public sealed record Address(IPAddress Ip) : DnsName;

    /// <summary>A name in the domain that no lookup matches, or a lookup Roster does not offer (prepared queries, connect...): NXDOMAIN.</summary>
    public sealed record Invalid : DnsName;

    /// <summary>A name outside <c>consul.</c>: Consul without recursors does not resolve it.</summary>
    public sealed record OutsideDomain : DnsName;
}
