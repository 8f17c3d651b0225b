using Roster.Agent.Checks;

namespace Roster.Agent.Catalog;

/// <summary>One health check and its current result; <see cref="ServiceId"/> is empty for a node-level check.</summary>
internal sealed record CheckInstance
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string ServiceId { get; init; } = "";

    public string ServiceName { get; init; } = "";

    public required string Status { get; init; }

    public string Output { get; init; } = "";

    public string Notes { get; init; } = "";

    public CheckSpec Spec { get; init; } = new();

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }

    /// <summary>When the check last turned critical; what DeregisterCriticalServiceAfter counts from.</summary>
    public DateTimeOffset? CriticalSince { get; init; }
}
