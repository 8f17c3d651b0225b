using System.Collections.Concurrent;
using Roster.Agent.Catalog;
using Roster.Protocol.Health;

namespace Roster.Agent.Checks;

/// <summary>
/// TTL checks: each has a timer that turns it critical when no pass/warn/fail/update arrives within its TTL.
/// A report resets the timer even when it changes nothing, and then writes nothing (no index moves).
/// </summary>
internal sealed class TtlChecks(CatalogStore catalog, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> _timers = new(StringComparer.Ordinal);

    /// <summary>Records a TTL check's result and restarts its timer; <see cref="TtlReport.NotTtl"/> for other kinds.</summary>
    public TtlReport Report(string checkId, string status, string output)
    {
        if (catalog.Current.Checks.GetValueOrDefault(checkId) is not { } check)
        {
            return TtlReport.NotFound;
        }

        if (check.Spec.Ttl is not { } ttl)
        {
            return TtlReport.NotTtl;
        }

        Arm(checkId, ttl);
        return catalog.UpdateCheck(checkId, status, output) == CheckUpdateOutcome.NotFound ? TtlReport.NotFound : TtlReport.Recorded;
    }

    /// <summary>Starts the timer of a TTL check that has none yet (a new registration).</summary>
    public void Track(CheckInstance check)
    {
        if (check.Spec.Ttl is { } ttl && !_timers.ContainsKey(check.Id))
        {
            Arm(check.Id, ttl);
        }
    }

    /// <summary>Stops the timers of checks that are gone.</summary>
    public void Forget(IEnumerable<string> checkIds)
    {
        foreach (var id in checkIds)
        {
            if (_timers.TryRemove(id, out var timer))
            {
                timer.Dispose();
            }
        }
    }

    public void Dispose() => Forget(_timers.Keys);

    private void Arm(string checkId, TimeSpan ttl)
    {
        var timer = _timers.GetOrAdd(checkId, id => time.CreateTimer(Expire, id, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        timer.Change(ttl, Timeout.InfiniteTimeSpan);
    }

    private void Expire(object? state)
    {
        var id = (string)state!;
        if (catalog.Current.Checks.GetValueOrDefault(id) is { } check)
        {
            var output = check.Output.Length == 0 ? "TTL expired" : $"TTL expired (last output before timeout follows): {check.Output}";
            catalog.UpdateCheck(id, CheckStatus.Critical, output);
        }
    }
}

/// <summary>The outcome of a TTL report, mapped by the endpoint to 200, 404 or Consul's 500.</summary>
internal enum TtlReport
{
    Recorded,
    NotFound,
    NotTtl,
}
