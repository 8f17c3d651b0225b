using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Roster.Agent.Dns;

namespace Roster.Agent.Tests.Dns;

public sealed class DnsNameParserTests
{
    public static TheoryData<string, RecordType, string> Names => new()
    {
        { "www.service.consul", RecordType.A, "Service www tag= dc=dc1" },
        { "WWW.Service.CONSUL", RecordType.A, "Service www tag= dc=dc1" },
        { "www.service.dc1.consul", RecordType.Srv, "Service www tag= dc=dc1" },
        { "www.service.dc2.dc.consul", RecordType.Srv, "Service www tag= dc=dc2" },
        { "blue.www.service.consul", RecordType.A, "Service www tag=blue dc=dc1" },
        { "v1.blue.www.service.consul", RecordType.A, "Service www tag=v1.blue dc=dc1" },
        { "_www._tcp.service.consul", RecordType.Srv, "Service www tag= dc=dc1" },
        { "_www._blue.service.consul", RecordType.Srv, "Service www tag=blue dc=dc1" },
        { "_www._tcp.consul", RecordType.Srv, "Service www tag= dc=dc1" },
        { "_www._tcp.dc1.consul", RecordType.Srv, "Service www tag= dc=dc1" },
        { "_www._tcp.consul", RecordType.A, "Invalid" },
        { "n1.node.consul", RecordType.A, "Node n1 dc=dc1" },
        { "abc.n1.node.dc1.consul", RecordType.A, "Node abc.n1 dc=dc1" },
        { "0a010203.addr.dc1.consul", RecordType.A, "Address 10.1.2.3" },
        { "0a0102.addr.consul", RecordType.A, "Invalid" },
        { "service.consul", RecordType.A, "Invalid" },
        { "www.service.a.b.c.consul", RecordType.A, "Invalid" },
        { "web.query.consul", RecordType.A, "Invalid" },
        { "nothing.consul", RecordType.A, "Invalid" },
        { "consul", RecordType.Soa, "Invalid" },
        { "www.example.com", RecordType.A, "OutsideDomain" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Parse_ConsulNameForms_ReadsThemAsConsulDoes(string name, RecordType type, string expected)
    {
        var parsed = DnsNameParser.Parse(DomainName.Parse(name), type, "dc1");

        Assert.Equal(expected, Describe(parsed));
    }

    private static string Describe(DnsName name) => name switch
    {
        DnsName.Service s => $"Service {s.Name} tag={s.Tag} dc={s.Datacenter}",
        DnsName.Node n => $"Node {n.Name} dc={n.Datacenter}",
        DnsName.Address a => $"Address {a.Ip}",
        DnsName.Invalid => "Invalid",
        DnsName.OutsideDomain => "OutsideDomain",
        _ => name.ToString(),
    };

    [Fact]
    public void Parse_Ipv6AddressEcho_DecodesAllSixteenBytes()
    {
        var parsed = DnsNameParser.Parse(DomainName.Parse("20010db8000000000000000000000001.addr.consul"), RecordType.Aaaa, "dc1");

        Assert.Equal(IPAddress.Parse("2001:db8::1"), Assert.IsType<DnsName.Address>(parsed).Ip);
    }
}
