using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Controller;

/// <summary>
/// The servers of one HAProxy backend, changed live: the Runtime API in production, a fake in the reconciler's tests.
/// </summary>
internal interface IServerRuntime
{
    /// <summary>The servers HAProxy has in <paramref name="backend"/> now.</summary>
    Task<IReadOnlyList<CurrentServer>> ServersAsync(string backend, CancellationToken cancellationToken);

    /// <summary><c>add server</c> with every option spelled out, then enable its health check and the server.</summary>
    Task AddAsync(string backend, BackendServer server, string options, CancellationToken cancellationToken);

    /// <summary>Drain, wait until it has no sessions, maint, <c>del server</c>; a server already in maint skips the drain.</summary>
    Task RemoveAsync(string backend, CurrentServer server, CancellationToken cancellationToken);

    /// <summary>Sets a draining or maintenance server the registry wants back to ready, with its health check on.</summary>
    Task EnableAsync(string backend, BackendServer server, CancellationToken cancellationToken);

    /// <summary>Saves <c>show servers state</c> where the config's <c>server-state-file</c> points, so a reload keeps states.</summary>
    Task SaveStateAsync(string backend, string path, CancellationToken cancellationToken);
}
