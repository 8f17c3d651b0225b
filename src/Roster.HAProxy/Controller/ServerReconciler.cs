using Microsoft.Extensions.Logging;
using Roster.HAProxy.Config;
using Roster.HAProxy.Servers;
using Roster.Protocol.Health;

namespace Roster.HAProxy.Controller;

/// <summary>
/// One reconcile of HAProxy's backend against the registry: screen the instances, diff them against HAProxy's servers
/// (a pure plan), apply the difference through the Runtime API, and write the config that holds the result, so a
/// restart or reload of HAProxy keeps the membership. No reload: instance changes never cost a request.
/// </summary>
internal sealed partial class ServerReconciler(LbConfig config, IServerRuntime runtime, ConfigFile configFile, ILogger logger)
{
    private readonly HashSet<string> _reportedRefusals = new(StringComparer.Ordinal);

    public async Task<ServerChanges> ReconcileAsync(IReadOnlyList<CheckServiceNode> instances, CancellationToken cancellationToken)
    {
        var screened = InstanceScreen.Screen(instances);
        ReportRefusals(screened.Refusals);
        var current = await runtime.ServersAsync(config.BackendName, cancellationToken);
        var changes = ServerPlan.Plan(screened.Servers, current);
        if (!changes.IsEmpty)
        {
            await ApplyAsync(changes, cancellationToken);
            Log.Reconciled(logger, changes.Add.Count, changes.Remove.Count, changes.Enable.Count, screened.Servers.Count);
        }

        // Written after the change, so the file never names a server HAProxy was not given; validated before it replaces the last good one.
        await configFile.WriteAsync(LbConfigRenderer.Render(config, screened.Servers), cancellationToken);
        await runtime.SaveStateAsync(config.BackendName, config.ServerStatePath, cancellationToken);
        return changes;
    }

    private async Task ApplyAsync(ServerChanges changes, CancellationToken cancellationToken)
    {
        var readded = changes.Add.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        // A name being re-created must be gone before it is added again; the other removals drain alongside the additions.
        await Task.WhenAll(changes.Remove.Where(s => readded.Contains(s.Name)).Select(s => RemoveAsync(s, cancellationToken)));
        var draining = changes.Remove.Where(s => !readded.Contains(s.Name)).Select(s => RemoveAsync(s, cancellationToken)).ToList();
        var options = ServerOptions.For(config);
        foreach (var server in changes.Add)
        {
            await runtime.AddAsync(config.BackendName, server, options, cancellationToken);
            Log.Added(logger, server.Name, server.Endpoint);
        }

        foreach (var server in changes.Enable)
        {
            await runtime.EnableAsync(config.BackendName, server, cancellationToken);
            Log.Enabled(logger, server.Name);
        }

        await Task.WhenAll(draining);
    }

    private async Task RemoveAsync(CurrentServer server, CancellationToken cancellationToken)
    {
        await runtime.RemoveAsync(config.BackendName, server, cancellationToken);
        Log.Removed(logger, server.Name);
    }

    private void ReportRefusals(IReadOnlyList<InstanceRefusal> refusals)
    {
        // Once per instance: the registry repeats it on every answer until someone fixes the registration.
        foreach (var refusal in refusals.Where(r => _reportedRefusals.Add(r.InstanceId + "\n" + r.Reason)))
        {
            Log.Refused(logger, refusal.InstanceId, refusal.NodeName, refusal.Reason);
        }
    }
}
