using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Roster.Agent.Catalog;
using Roster.Agent.Hosting;

namespace Roster.Agent.Dns;

/// <summary>
/// Answers one question from one catalog snapshot, as Consul's DNS server does (agent/dns.go). Every TTL is 0, Consul's
/// default for nodes and services. Pure: the snapshot is immutable and the shuffle comes from <paramref name="random"/>.
/// </summary>
internal sealed class DnsAnswerBuilder(CatalogSnapshot snapshot, AgentIdentity identity, Random random)
{
    private const int Ttl = 0;

    public DnsAnswer Build(DnsQuestion question) =>
        DnsNameParser.Parse(question.Name, question.RecordType, identity.Datacenter) switch
        {
            DnsName.OutsideDomain => DnsAnswer.Refused,
            DnsName.Service s when DnsNameParser.IsLocal(s.Datacenter, identity.Datacenter) => Service(question, s),
            DnsName.Node n when DnsNameParser.IsLocal(n.Datacenter, identity.Datacenter) => Node(question, n),
            DnsName.Address a => DnsAnswer.Of(AddressRecords(question.Name, question.RecordType, a.Ip.ToString())),
            // Consul quirk: another datacenter is an RPC with no path to it, which its DNS turns into NXDOMAIN.
            _ => DnsAnswer.NameError,
        };

    private DnsAnswer Service(DnsQuestion question, DnsName.Service lookup)
    {
        var instances = DnsInstances.Healthy(snapshot, lookup.Name, lookup.Tag).ToArray();
        if (instances.Length == 0)
        {
            return DnsAnswer.NameError;
        }

        // Consul shuffles the instances on every response, so clients that take the first record spread the load.
        random.Shuffle(instances);
        return question.RecordType == RecordType.Srv ? Srv(question, instances) : ServiceAddresses(question, instances);
    }

    private DnsAnswer Srv(DnsQuestion question, ServiceInstance[] instances)
    {
        var answers = new List<DnsRecordBase>();
        var additional = new List<DnsRecordBase>();
        var seen = new HashSet<(string, int)>();
        foreach (var instance in instances)
        {
            // Consul dedupes on node + service address + port: two registrations of one endpoint are one SRV.
            if (!seen.Add((instance.Address, instance.Port)))
            {
                continue;
            }

            var address = AddressOf(instance);
            var weight = (ushort)Math.Clamp(DnsInstances.Weight(snapshot, instance), 0, ushort.MaxValue);
            var port = (ushort)instance.Port;
            if (IPAddress.TryParse(address, out _))
            {
                var target = InstanceTarget.For(instance, identity);
                answers.Add(new SrvRecord(question.Name, Ttl, 1, weight, port, target));
                additional.AddRange(AddressRecords(target, RecordType.Srv, address));
            }
            else if (DomainName.TryParse(address, out var host) && host is not null)
            {
                // Consul: a host-name address is the target itself; with no recursors there is nothing to add for it.
                answers.Add(new SrvRecord(question.Name, Ttl, 1, weight, port, host));
            }
        }

        return DnsAnswer.Of(answers, additional);
    }

    private DnsAnswer ServiceAddresses(DnsQuestion question, ServiceInstance[] instances)
    {
        var answers = new List<DnsRecordBase>();
        CNameRecord? firstAlias = null;
        foreach (var address in instances.Select(AddressOf).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IPAddress.TryParse(address, out _))
            {
                answers.AddRange(AddressRecords(question.Name, question.RecordType, address));
            }
            else if (DomainName.TryParse(address, out var host) && host is not null)
            {
                firstAlias ??= new CNameRecord(question.Name, Ttl, host);
            }
        }

        // Consul quirk: a CNAME (to a host-name address) is answered only when no instance has an IP address.
        return DnsAnswer.Of(answers.Count == 0 && firstAlias is not null ? [firstAlias] : answers);
    }

    private DnsAnswer Node(DnsQuestion question, DnsName.Node lookup)
    {
        // Consul answers node lookups only for ANY, A, AAAA and TXT; other types get an empty NOERROR.
        if (question.RecordType is not (RecordType.Any or RecordType.A or RecordType.Aaaa or RecordType.Txt))
        {
            return DnsAnswer.Of([]);
        }

        if (string.Equals(lookup.Name, identity.NodeName, StringComparison.OrdinalIgnoreCase))
        {
            return DnsAnswer.Of(AddressRecords(question.Name, question.RecordType, identity.Address));
        }

        // A per-instance SRV target: HAProxy asks for its A record when it does not take the additional section.
        return InstanceTarget.Find(snapshot, lookup.Name, identity.NodeName) is { } instance
            ? DnsAnswer.Of(AddressRecords(question.Name, question.RecordType, AddressOf(instance)))
            : DnsAnswer.NameError;
    }

    /// <summary>Consul: the service's Address when set, else the node's.</summary>
    private string AddressOf(ServiceInstance instance) => instance.Address.Length > 0 ? instance.Address : identity.Address;

    /// <summary>
    /// Consul's makeARecord: an IPv4 address gives an A record for A, ANY, SRV (additional), NS and TXT questions; an IPv6
    /// one an AAAA for AAAA, ANY, SRV, NS and TXT. A host name gives nothing here.
    /// </summary>
    private static List<DnsRecordBase> AddressRecords(DomainName name, RecordType type, string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return [];
        }

        var wanted = type is RecordType.Any or RecordType.Srv or RecordType.Ns or RecordType.Txt;
        return ip.AddressFamily switch
        {
            AddressFamily.InterNetwork when wanted || type == RecordType.A => [new ARecord(name, Ttl, ip)],
            AddressFamily.InterNetworkV6 when wanted || type == RecordType.Aaaa => [new AaaaRecord(name, Ttl, ip)],
            _ => [],
        };
    }
}
