using System.Collections.Immutable;

namespace Roster.Client.Registration;

/// <summary>How a service registers itself with the Consul agent: its name, advertised address, metadata and checks.</summary>
public sealed record ServiceRegistrationOptions
{
    /// <summary>The service name, e.g. <c>www</c>; required.</summary>
    public required string Name { get; init; }

    /// <summary>The address other instances and the agent's HTTP check reach this one on; never a wildcard such as 0.0.0.0.</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>An explicit port to advertise; null advertises the port the server actually bound.</summary>
    public int? Port { get; init; }

    /// <summary>Tags of the instance.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Metadata of the instance (Consul validates the keys and values).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The TTL check's time to live; the heartbeat passes it every third of this.</summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the TTL check may stay critical before the agent removes the instance (Consul's minimum is 1 min).</summary>
    public TimeSpan DeregisterCriticalServiceAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The path of the HTTP check on the advertised address and port; null registers no HTTP check.</summary>
    public string? HealthPath { get; init; } = "/health";

    /// <summary>How often the agent runs the HTTP check (Consul's minimum is 1 s).</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether to hold a blocking read of the instance on the agent, so a restarted agent that forgot it gets it back at
    /// once; without it the next heartbeat (up to a third of the TTL later) registers it again.
    /// </summary>
    public bool WatchAgent { get; init; } = true;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(Address);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Ttl, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DeregisterCriticalServiceAfter, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HealthInterval, TimeSpan.Zero);
        if (Port is { } port)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        }

        if (HealthPath is not null && !HealthPath.StartsWith('/'))
        {
            throw new ArgumentException($"HealthPath must start with '/': \"{HealthPath}\"", nameof(HealthPath));
        }
    }
}
