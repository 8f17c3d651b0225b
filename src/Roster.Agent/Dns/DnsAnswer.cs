using ARSoft.Tools.Net.Dns;

namespace Roster.Agent.Dns;

/// <summary>What one question resolves to, before the SOA, EDNS and truncation the responder adds.</summary>
internal sealed record DnsAnswer(ReturnCode Code, IReadOnlyList<DnsRecordBase> Answers, IReadOnlyList<DnsRecordBase> Additional)
{
    public static DnsAnswer NameError { get; } = new(ReturnCode.NxDomain, [], []);

    public static DnsAnswer Refused { get; } = new(ReturnCode.Refused, [], []);

    public static DnsAnswer Of(IReadOnlyList<DnsRecordBase> answers, IReadOnlyList<DnsRecordBase>? additional = null) =>
        new(ReturnCode.NoError, answers, additional ?? []);

    /// <summary>Consul adds its SOA to the authority section for NXDOMAIN and for an existing name with no record of the type.</summary>
    public bool NeedsSoa => Code == ReturnCode.NxDomain || (Code == ReturnCode.NoError && Answers.Count == 0);
}
