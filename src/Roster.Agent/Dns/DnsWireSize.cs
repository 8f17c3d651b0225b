using System.Text;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace Roster.Agent.Dns;

/// <summary>
/// The encoded size of a response without name compression: an upper bound of what ARSoft sends. ARSoft has no
/// public encoder, and Consul itself measures 512-byte answers uncompressed (trimUDPResponse), so an answer cut to
/// this size always fits, and ARSoft's own truncation (which drops the whole additional section first) never runs.
/// </summary>
internal static class DnsWireSize
{
    private const int Header = 12;
    private const int RecordFixed = 10;

    public static int Of(DnsMessage message) =>
        Header
        + message.Questions.Sum(q => Name(q.Name) + 4)
        + Records(message.AnswerRecords)
        + Records(message.AuthorityRecords)
        + Records(message.AdditionalRecords);

    public static int Records(IEnumerable<DnsRecordBase> records) => records.Sum(Record);

    private static int Record(DnsRecordBase record) => Name(record.Name) + RecordFixed + record switch
    {
        ARecord => 4,
        AaaaRecord => 16,
        SrvRecord srv => 6 + Name(srv.Target),
        CNameRecord cname => Name(cname.CanonicalName),
        NsRecord ns => Name(ns.NameServer),
        SoaRecord soa => Name(soa.MasterName) + Name(soa.ResponsibleName) + 20,
        OptRecord => 0,
        _ => 512,
    };

    private static int Name(DomainName name) => name.Labels.Sum(l => Encoding.UTF8.GetByteCount(l) + 1) + 1;
}
