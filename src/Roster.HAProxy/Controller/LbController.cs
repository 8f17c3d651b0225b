using Microsoft.Extensions.Logging;
using Roster.HAProxy.Config;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Controller;

/// <summary>
/// `roster lb`'s loop: start HAProxy on a validated config holding the registry's current instances, then on every
/// registry change (coalesced) make HAProxy's backend match — live through the Runtime API, or by a validated reload.
/// </summary>
internal sealed partial class LbController(
    LbConfig config, LbMode mode, InstanceFeed feed, ServerReconciler reconciler, ConfigFile configFile, IHAProxyProcess haproxy,
    TimeProvider time, ILogger logger)
{
    // HAProxy should start with the servers it will serve, but a registry that is down must not stop the load balancer.
    private static readonly TimeSpan FirstAnswerPatience = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryBase = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryMax = TimeSpan.FromSeconds(5);

    // Every reload may cost a keep-alive client a request (haproxy.md §1): in reload mode a burst of changes waits for
    // a quiet moment and goes live as one reload, delayed at most ReloadMaxWait after its first change.
    private static readonly TimeSpan ReloadQuiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan ReloadMaxWait = TimeSpan.FromSeconds(2);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stopFeed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feeding = feed.RunAsync(stopFeed.Token);
        try
        {
            await feed.WaitForFirstAsync(FirstAnswerPatience, cancellationToken);
            var initial = InstanceScreen.Screen(feed.Latest ?? []).Servers;
            if (!await configFile.WriteAsync(LbConfigRenderer.Render(config, initial), cancellationToken))
            {
                throw new InvalidOperationException("HAProxy refused roster's own config; see the error above");
            }

            await haproxy.StartAsync(configFile.Path, cancellationToken);
            Log.Started(logger, config.Bind.ToString(), initial.Count, mode);
            await FollowAsync(cancellationToken);
        }
        finally
        {
            await stopFeed.CancelAsync();
            await feeding;
            await haproxy.StopAsync(CancellationToken.None);
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            await feed.WaitForChangeAsync(cancellationToken);
            if (mode == LbMode.Reload)
            {
                await feed.WaitForQuietAsync(ReloadQuiet, ReloadMaxWait, cancellationToken);
            }

            try
            {
                await ApplyAsync(feed.Latest ?? [], cancellationToken);
                failures = 0;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // HAProxy restarting, a socket refusing for a moment: try again with the newest data after a pause.
                var delay = TimeSpan.FromTicks(Math.Min(RetryMax.Ticks, RetryBase.Ticks << Math.Min(failures++, 10)));
                Log.ApplyFailed(logger, delay, e);
                await Task.Delay(delay, time, cancellationToken);
                feed.MarkDirty();
            }
        }
    }

    private async Task ApplyAsync(IReadOnlyList<Roster.Protocol.Health.CheckServiceNode> instances, CancellationToken cancellationToken)
    {
        if (mode == LbMode.Dns)
        {
            // HAProxy's resolver follows the registry on its own; the config holds no server to change.
            return;
        }

        if (mode == LbMode.Runtime)
        {
            await reconciler.ReconcileAsync(instances, cancellationToken);
            return;
        }

        var servers = InstanceScreen.Screen(instances).Servers;
        var text = LbConfigRenderer.Render(config, servers);
        if (!configFile.Holds(text) && await configFile.WriteAsync(text, cancellationToken))
        {
            var reloaded = await haproxy.ReloadAsync(cancellationToken);
            Log.Reloaded(logger, servers.Count, reloaded);
        }
    }
}
