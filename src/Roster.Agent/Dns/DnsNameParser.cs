using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace Roster.Agent.Dns;

/// <summary>
/// Reads a question name the way Consul's DNS dispatcher does (agent/dns.go <c>dispatch</c>): lower-cased, the
/// domain cut off, then the rightmost query-kind label splits the parts before it from the locality after it.
/// </summary>
internal static class DnsNameParser
{
    public const string Domain = "consul";

    public static DnsName Parse(DomainName name, RecordType type, string defaultDatacenter)
    {
        var labels = name.Labels.Select(l => l.ToLowerInvariant()).ToArray();
        if (labels.Length == 0 || labels[^1] != Domain)
        {
            return new DnsName.OutsideDomain();
        }

        labels = labels[..^1];
        for (var i = labels.Length - 1; i >= 0; i--)
        {
            switch (labels[i])
            {
                case "service":
                    return ParseService(labels[..i], labels[(i + 1)..], defaultDatacenter);
                case "node":
                    return labels[..i] is { Length: > 0 } node && Datacenter(labels[(i + 1)..], defaultDatacenter) is { } dc
                        ? new DnsName.Node(string.Join('.', node), dc)
                        : new DnsName.Invalid();
                case "addr":
                    return ParseAddress(labels[..i]);
                case "connect" or "virtual" or "ingress" or "query":
                    // Consul's mesh, virtual-IP and prepared-query lookups: nothing here can match them.
                    return new DnsName.Invalid();
                default:
                    // Consul quirk: for SRV questions the "service" label may be left out (_web._tcp.consul).
                    if (type == RecordType.Srv && labels[i].StartsWith('_'))
                    {
                        return ParseService(labels[..(i + 1)], labels[(i + 1)..], defaultDatacenter);
                    }

                    break;
            }
        }

        return new DnsName.Invalid();
    }

    private static DnsName ParseService(string[] parts, string[] suffixes, string defaultDatacenter)
    {
        if (parts.Length == 0 || Datacenter(suffixes, defaultDatacenter) is not { } dc)
        {
            return new DnsName.Invalid();
        }

        // RFC 2782 form _name._tag; Consul treats the protocol label _tcp as "no tag filter".
        if (parts is [['_', .. var service], ['_', .. var tag]])
        {
            return new DnsName.Service(service, tag == "tcp" ? "" : tag, dc);
        }

        // Consul 0.3 form: everything before the service label, dots included, is one tag.
        return new DnsName.Service(parts[^1], string.Join('.', parts[..^1]), dc);
    }

    /// <summary>Consul's locality suffix: none, <c>dc1</c> or <c>dc1.dc</c>; anything longer is not a name.</summary>
    private static string? Datacenter(string[] suffixes, string defaultDatacenter) => suffixes switch
    {
        [] => defaultDatacenter,
        [var dc] => dc,
        [var dc, "dc"] => dc,
        _ => null,
    };

    /// <summary>Consul's address echo: exactly one label of 8 (IPv4) or 32 (IPv6) hex digits.</summary>
    private static DnsName ParseAddress(string[] parts)
    {
        if (parts is not [var hex] || hex.Length is not (8 or 32) ||
            !hex.All(char.IsAsciiHexDigit))
        {
            return new DnsName.Invalid();
        }

        return new DnsName.Address(new IPAddress(Convert.FromHexString(hex)));
    }

    /// <summary>Whether <paramref name="datacenter"/> is this agent's: Consul answers NXDOMAIN for a datacenter it has no path to.</summary>
    public static bool IsLocal(string datacenter, string localDatacenter) =>
        string.Equals(datacenter, localDatacenter, StringComparison.OrdinalIgnoreCase);
}
