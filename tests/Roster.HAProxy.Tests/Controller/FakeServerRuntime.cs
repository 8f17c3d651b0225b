using Roster.HAProxy.Controller;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Tests.Controller;

/// <summary>A backend in memory: what the reconciler did to it, in order.</summary>
internal sealed class FakeServerRuntime : IServerRuntime
{
    private readonly Dictionary<string, CurrentServer> _servers = new(StringComparer.Ordinal);

    public List<string> Operations { get; } = [];

    public IReadOnlyCollection<CurrentServer> Servers => _servers.Values;

    public Task<IReadOnlyList<CurrentServer>> ServersAsync(string backend, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CurrentServer>>([.. _servers.Values]);

    public Task AddAsync(string backend, BackendServer server, string options, CancellationToken cancellationToken)
    {
        Operations.Add($"add {backend}/{server.Name} {server.Endpoint} {options}");
        _servers[server.Name] = new CurrentServer(server.Name, server.Address, server.Port, ServerAdminState.Ready);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string backend, CurrentServer server, CancellationToken cancellationToken)
    {
        Operations.Add($"remove {backend}/{server.Name}");
        _servers.Remove(server.Name);
        return Task.CompletedTask;
    }

    public Task EnableAsync(string backend, BackendServer server, CancellationToken cancellationToken)
    {
        Operations.Add($"enable {backend}/{server.Name}");
        _servers[server.Name] = _servers[server.Name] with { AdminState = ServerAdminState.Ready };
        return Task.CompletedTask;
    }

    public Task SaveStateAsync(string backend, string path, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A server put in maintenance behind the controller's back (an operator, a crash mid-way).</summary>
    public void PutInMaintenance(string name) => _servers[name] = _servers[name] with { AdminState = ServerAdminState.Maint };
}
