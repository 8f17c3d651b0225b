using Roster.Protocol.Health;

namespace Roster.Protocol.Agent;

/// <summary>The JSON body of <c>/v1/agent/health/service/id/:id</c> (and each element of the by-name variant).</summary>
public sealed record AgentServiceChecksInfo
{
    /// <summary>The aggregated status: maintenance, critical, warning or passing.</summary>
    public string AggregatedStatus { get; init; } = CheckStatus.Passing;

    /// <summary>The service.</summary>
    public required AgentService Service { get; init; }

    /// <summary>The service's checks.</summary>
    public IReadOnlyList<HealthCheck>? Checks { get; init; } = [];
}
