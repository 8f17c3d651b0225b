using System.Net;
using System.Text.RegularExpressions;

namespace Roster.HAProxy.Config;

/// <summary>
/// A backend HAProxy resolves by itself: <c>_SERVICE._tcp.service.consul</c> SRV records from the agent's DNS interface
/// into <see cref="Slots"/> server slots (haproxy.md §3: at least twice the instances, or a reused slot keeps old traffic).
/// </summary>
internal sealed partial record DnsBackend
{
    public DnsBackend(IPEndPoint nameserver, string service, int slots = 20)
    {
        if (!ServiceName().IsMatch(service))
        {
            throw new ArgumentException($"'{service}' cannot be a DNS label (letters, digits and '-' only)", nameof(service));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Nameserver = nameserver;
        Service = service;
        Slots = slots;
    }

    public IPEndPoint Nameserver { get; }

    public string Service { get; }

    public int Slots { get; }

    /// <summary>The RFC 2782 name the agent answers with one SRV record (and its own target) per passing instance.</summary>
    public string SrvName => $"_{Service}._tcp.service.consul";

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex ServiceName();
}
