namespace Roster.Protocol.Health;

/// <summary>Check states as Consul spells them.</summary>
public static class CheckStatus
{
    /// <summary>The check passes.</summary>
    public const string Passing = "passing";

    /// <summary>The check warns; <c>?passing</c> excludes it, DNS keeps it.</summary>
    public const string Warning = "warning";

    /// <summary>The check fails; the initial state of a new check unless one is given.</summary>
    public const string Critical = "critical";

    /// <summary>Pseudo-state of an aggregated status when a maintenance check is present; no check holds it.</summary>
    public const string Maintenance = "maintenance";

    /// <summary>Query wildcard (<c>/v1/health/state/any</c>); no check holds it.</summary>
    public const string Any = "any";

    /// <summary>Whether a check may hold <paramref name="status"/>: passing, warning or critical, exact case.</summary>
    public static bool IsValid(string? status) => status is Passing or Warning or Critical;
}
