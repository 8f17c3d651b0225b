using System.Text.Json.Serialization;

namespace Roster.Protocol.Health;

/// <summary>A check and its current result: the values of <c>/v1/agent/checks</c> and the elements of health results.</summary>
public sealed record HealthCheck
{
    /// <summary>The node the check runs on.</summary>
    public string Node { get; init; } = "";

    /// <summary>The check ID (<c>service:web-1</c>, <c>serfHealth</c>…).</summary>
    [JsonPropertyName("CheckID")]
    public string CheckId { get; init; } = "";

    /// <summary>The check name.</summary>
    public string Name { get; init; } = "";

    /// <summary>One of <see cref="CheckStatus"/>'s states.</summary>
    public string Status { get; init; } = CheckStatus.Critical;

    /// <summary>Free-form notes (the reason, for a maintenance check).</summary>
    public string Notes { get; init; } = "";

    /// <summary>Output of the last run or the last TTL update.</summary>
    public string Output { get; init; } = "";

    /// <summary>The service instance the check belongs to; empty for a node check.</summary>
    [JsonPropertyName("ServiceID")]
    public string ServiceId { get; init; } = "";

    /// <summary>The name of that service; empty for a node check.</summary>
    public string ServiceName { get; init; } = "";

    /// <summary>The tags of that service; an array even when empty.</summary>
    public IReadOnlyList<string>? ServiceTags { get; init; } = [];

    /// <summary>One of <see cref="CheckTypes"/>; empty for <c>serfHealth</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>The interval as Go duration text, or empty (a display field: Go clients do not parse it).</summary>
    public string Interval { get; init; } = "";

    /// <summary>The timeout as Go duration text, or empty.</summary>
    public string Timeout { get; init; } = "";

    /// <summary>Port of an exposed Envoy listener; 0 here.</summary>
    public int ExposedPort { get; init; }

    /// <summary>What the check probes; durations in it are omitted when absent, never empty strings.</summary>
    public HealthCheckDefinition Definition { get; init; } = new();

    /// <summary>Index of the write that created the check.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Index of the last write to the check.</summary>
    public ulong ModifyIndex { get; init; }
}
