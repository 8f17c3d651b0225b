using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace Roster.Agent.Dns;

/// <summary>
/// Consul's trimUDPResponse and trimTCPResponse (agent/dns.go): cut the answer list, never a record in half, until the
/// reply fits, keep in the additional section only the address records of the SRV targets still answered, and report
/// whether anything was cut.
/// </summary>
internal static class DnsTruncation
{
    /// <summary>Consul's maxUDPAnswerLimit: the cap on udp_answer_limit for replies without EDNS.</summary>
    private const int MaxUdpAnswerLimit = 8;
    private const int DefaultUdpSize = 512;

    /// <summary>Consul: larger EDNS sizes are lowered to what a UDP datagram can carry after IP headers.</summary>
    private const int MaxUdpDatagram = ushort.MaxValue - 68;

    /// <summary>Consul: 64 KiB minus the 12 bytes of DNS overhead.</summary>
    private const int MaxTcpSize = 65523;

    public static bool TrimUdp(DnsMessage response, DnsMessage query, IReadOnlyList<DnsRecordBase> additional, int udpAnswerLimit)
    {
        var original = response.AnswerRecords.Count;
        var maxSize = DefaultUdpSize;
        if (query.IsEDnsEnabled && query.EDnsOptions is { } edns && edns.UdpPayloadSize > DefaultUdpSize)
        {
            maxSize = Math.Min((int)edns.UdpPayloadSize, MaxUdpDatagram);
        }

        var maxAnswers = Math.Min(MaxUdpAnswerLimit, udpAnswerLimit);
        if (maxSize == DefaultUdpSize && response.AnswerRecords.Count > maxAnswers)
        {
            Keep(response, additional, maxAnswers);
        }

        // Consul leaves 8 bytes for the UDP header.
        FitInto(response, additional, maxSize - 8);
        return response.AnswerRecords.Count < original;
    }

    public static bool TrimTcp(DnsMessage response, IReadOnlyList<DnsRecordBase> additional)
    {
        var original = response.AnswerRecords.Count;
        FitInto(response, additional, MaxTcpSize);
        return response.AnswerRecords.Count < original;
    }

    /// <summary>Drops the authority section, then the fewest trailing answers, until the reply fits (one answer always stays).</summary>
    private static void FitInto(DnsMessage response, IReadOnlyList<DnsRecordBase> additional, int maxSize)
    {
        if (response.AnswerRecords.Count <= 1 || DnsWireSize.Of(response) <= maxSize)
        {
            return;
        }

        response.AuthorityRecords.Clear();
        var low = 1;
        var high = response.AnswerRecords.Count;
        var answers = response.AnswerRecords.ToList();
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            Keep(response, additional, middle, answers);
            if (DnsWireSize.Of(response) <= maxSize)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        Keep(response, additional, low, answers);
    }

    private static void Keep(DnsMessage response, IReadOnlyList<DnsRecordBase> additional, int count, List<DnsRecordBase>? answers = null)
    {
        var kept = (answers ?? response.AnswerRecords).Take(count).ToList();
        response.AnswerRecords = kept;
        SyncAdditional(response, additional);
    }

    /// <summary>Consul's syncExtra: the additional records that name a kept SRV target, once each; the OPT record stays.</summary>
    private static void SyncAdditional(DnsMessage response, IReadOnlyList<DnsRecordBase> additional)
    {
        var targets = response.AnswerRecords.OfType<SrvRecord>().Select(s => s.Target).ToHashSet();
        var opt = response.AdditionalRecords.OfType<OptRecord>().ToList();
        response.AdditionalRecords = [.. additional.Where(r => targets.Contains(r.Name)).Distinct(), .. opt];
    }
}
