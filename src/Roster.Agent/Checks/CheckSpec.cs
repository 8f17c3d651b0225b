using System.Collections.Immutable;

namespace Roster.Agent.Checks;

/// <summary>What a check probes and how often; <see cref="Type"/> names the kind as Consul's HealthCheck.Type does.</summary>
internal sealed record CheckSpec
{
    public TimeSpan? Ttl { get; init; }

    public TimeSpan? Interval { get; init; }

    public TimeSpan? Timeout { get; init; }

    public TimeSpan? DeregisterCriticalServiceAfter { get; init; }

    public string? Http { get; init; }

    public string? Method { get; init; }

    public string? Body { get; init; }

    public ImmutableSortedDictionary<string, ImmutableArray<string>> Header { get; init; } =
        ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal);

    public bool DisableRedirects { get; init; }

    public bool TlsSkipVerify { get; init; }

    public string? Tcp { get; init; }

    /// <summary>Set on the check the agent adds for maintenance mode.</summary>
    public bool IsMaintenance { get; init; }

    public string Type =>
        IsMaintenance ? CheckKinds.Maintenance
        : Ttl is not null ? CheckKinds.Ttl
        : Http is not null ? CheckKinds.Http
        : Tcp is not null ? CheckKinds.Tcp
        : "";
}
