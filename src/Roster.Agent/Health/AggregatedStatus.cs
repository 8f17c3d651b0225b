using Roster.Agent.Catalog;
using Roster.Protocol.Health;

namespace Roster.Agent.Health;

/// <summary>
/// Consul's aggregation of several checks into one status (Go api HealthChecks.AggregatedStatus): maintenance beats
/// critical beats warning beats passing; no checks at all is passing.
/// </summary>
internal static class AggregatedStatus
{
    public static string Of(IEnumerable<CheckInstance> checks)
    {
        var statuses = checks.ToList();
        if (statuses.Any(c => CatalogStore.IsMaintenance(c.Id)))
        {
            return CheckStatus.Maintenance;
        }

        if (statuses.Any(c => !CheckStatus.IsValid(c.Status)))
        {
            return "";
        }

        return statuses.Any(c => c.Status == CheckStatus.Critical) ? CheckStatus.Critical
            : statuses.Any(c => c.Status == CheckStatus.Warning) ? CheckStatus.Warning
            : CheckStatus.Passing;
    }

    /// <summary>The HTTP status the agent's health endpoints answer with: 200, 429 for warning, 503 otherwise.</summary>
    public static int HttpStatus(string status) => status switch
    {
        CheckStatus.Passing => 200,
        CheckStatus.Warning => 429,
        _ => 503,
    };
}
