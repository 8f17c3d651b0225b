using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Roster.Agent.Catalog;
using Roster.Agent.Hosting;

namespace Roster.Agent.Dns;

/// <summary>
/// Turns one query message into Consul's reply: header checks, the answer from the current catalog snapshot, the SOA
/// for negative answers, the client's EDNS size echoed, and the cut to what the transport carries.
/// </summary>
internal sealed class DnsResponder(CatalogStore catalog, AgentIdentity identity, DnsOptions options, TimeProvider time, Random random)
{
    private static readonly DomainName Zone = DomainName.Parse(DnsNameParser.Domain);

    public DnsMessage Respond(DnsMessage query, TransportProtocol protocol)
    {
        var response = query.CreateResponseInstance();
        response.IsAuthoritiveAnswer = true;
        response.IsRecursionDesired = query.IsRecursionDesired;
        // No recursors: like Consul without them, the agent is authoritative for consul. and nothing else.
        response.IsRecursionAllowed = false;
        response.AnswerRecords = [];
        response.AuthorityRecords = [];
        response.AdditionalRecords = [];

        // miekg/dns, Consul's server, rejects anything but one question with FORMERR and other opcodes with NOTIMP.
        if (query.OperationCode != OperationCode.Query)
        {
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }

        if (query.Questions.Count != 1 || !query.IsQuery)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        var question = query.Questions[0];
        var answer = Answer(question);
        response.ReturnCode = answer.Code;
        response.AnswerRecords = [.. answer.Answers];
        if (answer.NeedsSoa)
        {
            response.AuthorityRecords = [Soa()];
        }

        // Consul's setEDNS: an EDNS query gets an OPT record carrying the size the client advertised.
        if (query.IsEDnsEnabled && query.EDnsOptions is { } edns)
        {
            response.IsEDnsEnabled = true;
            response.EDnsOptions = new OptRecord(edns.UdpPayloadSize);
        }
        else
        {
            response.IsEDnsEnabled = false;
        }

        var additional = answer.Additional.Distinct().ToList();
        response.AdditionalRecords = [.. additional, .. response.AdditionalRecords];
        var trimmed = protocol == TransportProtocol.Udp
            ? DnsTruncation.TrimUdp(response, query, additional, options.UdpAnswerLimit)
            : DnsTruncation.TrimTcp(response, additional);
        response.IsTruncated = trimmed && options.EnableTruncate;
        return response;
    }

    private DnsAnswer Answer(DnsQuestion question)
    {
        switch (question.RecordType)
        {
            // Consul answers SOA and NS for any name in its domain from the zone itself.
            case RecordType.Soa when question.Name.IsEqualOrSubDomainOf(Zone):
                return DnsAnswer.Of([Soa()]);
            case RecordType.Ns when question.Name.IsEqualOrSubDomainOf(Zone):
                var server = DomainName.Parse($"{identity.NodeName}.node.{identity.Datacenter}.{DnsNameParser.Domain}".ToLowerInvariant());
                return DnsAnswer.Of([new NsRecord(Zone, 0, server)], [new ARecord(server, 0, System.Net.IPAddress.Parse(identity.Address))]);
            case RecordType.Axfr or RecordType.Ixfr:
                return new DnsAnswer(ReturnCode.NotImplemented, [], []);
            default:
                // One immutable snapshot per query: the answer never mixes two catalog states.
                return new DnsAnswerBuilder(catalog.Current, identity, random).Build(question);
        }
    }

    /// <summary>Consul's SOA: <c>consul. 0 IN SOA ns.consul. hostmaster.consul. &lt;unix time&gt; 3600 600 86400 0</c>.</summary>
    private SoaRecord Soa() => new(
        Zone,
        0,
        DomainName.Parse("ns." + DnsNameParser.Domain),
        DomainName.Parse("hostmaster." + DnsNameParser.Domain),
        (uint)time.GetUtcNow().ToUnixTimeSeconds(),
        3600,
        600,
        86400,
        0);
}
