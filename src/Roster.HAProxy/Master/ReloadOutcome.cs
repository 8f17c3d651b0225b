namespace Roster.HAProxy.Master;

/// <summary>
/// A reload as <c>show proc</c> confirmed it: whether a new worker took over, HAProxy's reason when not, the master's
/// reload counter after it, and the worker(s) it replaced (they finish their connections, then exit).
/// </summary>
internal sealed record ReloadOutcome(bool Reloaded, string Reason, TimeSpan Elapsed, int Reloads, IReadOnlyList<int> Replaced)
{
    /// <summary>The master stopped answering and forked no worker: not a refusal of the config, a master to replace.</summary>
    public bool Wedged { get; init; }

    public static ReloadOutcome Success(TimeSpan elapsed, int reloads, IReadOnlyList<int> replaced) => new(true, "", elapsed, reloads, replaced);

    public static ReloadOutcome Failure(string reason, TimeSpan elapsed) => new(false, reason, elapsed, 0, []);
}
