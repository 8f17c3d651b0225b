namespace Roster.HAProxy.Servers;

/// <summary>
/// Compares the servers the registry wants with those HAProxy has and says what to change. Pure: no I/O, no clock,
/// and the same inputs in any order give the same changes.
/// </summary>
/// <remarks>
/// The decisions, by case:
/// <list type="bullet">
/// <item>Wanted, absent: add.</item>
/// <item>Present, not wanted: remove, whatever its state (a draining one is finishing a removal).</item>
/// <item>Same name, other address or port: remove and add. A live server is never re-pointed (<c>set server addr</c>
/// keeps old connections on the old address); names come from instance IDs, so this only happens when something is
/// odd, such as the same ID moving to another node.</item>
/// <item>Same name and endpoint, draining or in maintenance: enable. The registry is the source of truth; the usual
/// causes are an instance that came back while its removal was under way, a crash between <c>add server</c> (which
/// leaves a server in MAINT) and <c>enable server</c>, or a state restored from the server-state file. An operator
/// who wants an instance out marks it for maintenance in the registry, which takes it out of the passing set.</item>
/// </list>
/// </remarks>
internal static class ServerPlan
{
    public static ServerChanges Plan(IReadOnlyList<BackendServer> desired, IReadOnlyList<CurrentServer> current)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        var wanted = ByName(desired, s => s.Name, nameof(desired));
        var existing = ByName(current, s => s.Name, nameof(current));

        var remove = current
            .Where(c => !wanted.TryGetValue(c.Name, out var d) || !SameEndpoint(c, d))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        var add = new List<BackendServer>();
        var enable = new List<BackendServer>();
        foreach (var server in desired.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (!existing.TryGetValue(server.Name, out var now) || !SameEndpoint(now, server))
            {
                add.Add(server);
            }
            else if (now.AdminState != ServerAdminState.Ready)
            {
                enable.Add(server);
            }
        }

        return add.Count + remove.Count + enable.Count == 0 ? ServerChanges.None : new ServerChanges(add, remove, enable);
    }

    private static bool SameEndpoint(CurrentServer current, BackendServer desired) =>
        desired.Address.Equals(current.Address) && current.Port == desired.Port;

    // Two servers with one name cannot exist in a backend; getting them here is a bug upstream, not something to plan.
    private static Dictionary<string, T> ByName<T>(IReadOnlyList<T> servers, Func<T, string> name, string parameter)
    {
        var byName = new Dictionary<string, T>(servers.Count, StringComparer.Ordinal);
        foreach (var server in servers)
        {
            if (!byName.TryAdd(name(server), server))
            {
                throw new ArgumentException($"two servers are named '{name(server)}'", parameter);
            }
        }

        return byName;
    }
}
