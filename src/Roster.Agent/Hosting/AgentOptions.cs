using System.Net;

namespace Roster.Agent.Hosting;

/// <summary>How the embedded agent runs: the flags of <c>roster agent</c>, and the Consul timings tests may shorten.</summary>
public sealed record AgentOptions
{
    /// <summary>Where the HTTP API listens (Consul's -http-addr); loopback by default.</summary>
    public IPEndPoint HttpAddress { get; init; } = new(IPAddress.Loopback, 8500);

    /// <summary>
    /// Where the DNS interface listens on UDP and TCP (Consul's -dns-addr; 127.0.0.1:8600 in <c>roster agent</c>); null
    /// turns it off, the default for hosts built in-process so that they never contend for one port.
    /// </summary>
    public IPEndPoint? DnsAddress { get; init; }

    /// <summary>The node's name (Consul's -node); the machine's host name by default.</summary>
    public string NodeName { get; init; } = Environment.MachineName;

    /// <summary>The datacenter (Consul's -datacenter).</summary>
    public string Datacenter { get; init; } = "dc1";

    /// <summary>Where services, checks and KV persist (Consul's -data-dir); null keeps state in memory only, as -dev.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>When set, every request must carry this token.</summary>
    public string? AclToken { get; init; }

    /// <summary>Also accept GET on the agent's write endpoints, as Consul before 1.0 did.</summary>
    public bool LegacyVerbs { get; init; }

    /// <summary>DeregisterCriticalServiceAfter below this is raised to it (Consul: 1 minute, not configurable).</summary>
    public TimeSpan MinDeregisterCriticalAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often long-critical services are reaped (Consul: every 30 s).</summary>
    public TimeSpan ReapInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Interval checks never run more often than this (Consul: 1 s).</summary>
    public TimeSpan MinCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Request bodies above this get 413 (KV values: Consul's 512 KiB).</summary>
    public int MaxBodyBytes { get; init; } = 512 * 1024;
}
