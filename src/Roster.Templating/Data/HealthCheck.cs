namespace Roster.Templating.Data;

/// <summary>One health check of a service entry, named as in Consul's api.HealthCheck.</summary>
public sealed record HealthCheck
{
    /// <summary>The node the check runs on.</summary>
    public string Node { get; init; } = "";

    /// <summary>The check's ID.</summary>
    public string CheckID { get; init; } = "";

    /// <summary>The check's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>passing, warning or critical.</summary>
    public string Status { get; init; } = "";

    /// <summary>The operator's notes.</summary>
    public string Notes { get; init; } = "";

    /// <summary>The last output of the check.</summary>
    public string Output { get; init; } = "";

    /// <summary>The service the check belongs to; empty for a node check.</summary>
    public string ServiceID { get; init; } = "";

    /// <summary>The name of that service.</summary>
    public string ServiceName { get; init; } = "";

    /// <summary>The tags of that service (a plain []string in Go, not ServiceTags).</summary>
    public IReadOnlyList<string> ServiceTags { get; init; } = [];

    /// <summary>The check type (ttl, http, tcp, ...).</summary>
    public string Type { get; init; } = "";

    /// <summary>The Consul Enterprise namespace; empty on Consul CE.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>The port exposed for the check through a Connect proxy.</summary>
    public int ExposedPort { get; init; }

    /// <summary>The Raft index that created the check.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>The Raft index that last changed the check.</summary>
    public ulong ModifyIndex { get; init; }
}
