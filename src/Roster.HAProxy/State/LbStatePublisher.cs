using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Roster.Client;
using Roster.HAProxy.Servers;
using Roster.Protocol.Health;

namespace Roster.HAProxy.State;

/// <summary>
/// Keeps <c>roster/haproxy/SERVICE</c> in the registry's KV equal to HAProxy's view of its servers: the dashboard and
/// <c>roster status</c> read it there, so nothing but the registry has to be reachable to see the whole system.
/// </summary>
/// <remarks>
/// HAProxy has no change feed for server states (a health check turning a server DOWN is news only to HAProxy), so
/// the socket is polled; the KV is written only when something other than the time changed, so blocking readers wake
/// only for real news. The key is deleted when the load balancer stops.
/// </remarks>
internal sealed partial class LbStatePublisher(
    LbState template, Func<int?> pid, Func<IReadOnlyList<CheckServiceNode>?> instances, ConsulClient consul,
    TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        LbState? published = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                published = await PublishAsync(published, cancellationToken);
                await Task.Delay(Interval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await RemoveAsync(published);
        }
    }

    private async Task<LbState?> PublishAsync(LbState? published, CancellationToken cancellationToken)
    {
        if (pid() is not { } haproxyPid)
        {
            return published;
        }

        try
        {
            var servers = await ServerStates.ReadAsync(template.AdminSocket, template.Backend, cancellationToken);
            var state = template with { Pid = haproxyPid, Updated = time.GetUtcNow(), Servers = WithServiceIds(servers) };
            if (state.SameAs(published))
            {
                return published;
            }

            await consul.Kv.PutAsync(state.Key, JsonSerializer.SerializeToUtf8Bytes(state, LbStateJson.Default.LbState), cancellationToken: cancellationToken);
            return state;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // HAProxy restarting or the registry away: the next round publishes what is true then.
            Log.PublishFailed(logger, template.Key, e.Message);
            return published;
        }
    }

    // HAProxy knows addresses, the registry knows IDs; in DNS mode the server names are slots, so the address decides.
    private IReadOnlyList<LbServerState> WithServiceIds(IReadOnlyList<LbServerState> servers)
    {
        var byEndpoint = InstanceScreen.Screen(instances() ?? []).Servers
            .GroupBy(s => new IPEndPoint(s.Address, s.Port))
            .ToDictionary(g => g.Key, g => g.First().InstanceId);
        return
        [
            .. servers.Select(s => IPAddress.TryParse(s.Address, out var ip) && byEndpoint.TryGetValue(new IPEndPoint(ip, s.Port), out var id)
                ? s with { ServiceId = id }
                : s),
        ];
    }

    private async Task RemoveAsync(LbState? published)
    {
        if (published is null)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await consul.Kv.DeleteAsync(published.Key, cancellationToken: timeout.Token);
        }
        catch (Exception e)
        {
            Log.PublishFailed(logger, published.Key, e.Message);
        }
    }
}
