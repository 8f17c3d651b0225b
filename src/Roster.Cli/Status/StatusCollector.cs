using System.Net.Sockets;
using Roster.Client;
using Roster.HAProxy.State;

namespace Roster.Cli.Status;

/// <summary>Reads the registry (catalog, health, what each load balancer published) and each HAProxy's Runtime API.</summary>
internal sealed class StatusCollector(ConsulClient consul)
{
    public async Task<StatusReport> CollectAsync(CancellationToken cancellationToken)
    {
        var services = (await consul.Catalog.ServicesAsync(cancellationToken: cancellationToken)).Value.Keys
            .Where(s => s != "consul").Order(StringComparer.Ordinal).ToList();
        var instances = new List<InstanceRow>();
        foreach (var service in services)
        {
            instances.AddRange((await consul.Health.ServiceAsync(service, cancellationToken: cancellationToken)).Value.Select(InstanceRow.From));
        }

        var balancers = new List<(LbState State, string Source)>();
        foreach (var entry in (await consul.Kv.ListAsync(LbState.KeyPrefix, cancellationToken: cancellationToken)).Value)
        {
            if (LbState.TryParse(entry.Value.Span) is { } published)
            {
                balancers.Add(await LiveAsync(published, cancellationToken));
            }
        }

        return new StatusReport(
            consul.Options.Address.ToString(),
            [.. instances.Select(i => WithHAProxy(i, balancers.Select(b => b.State)))],
            [.. balancers.Select(b => Summary(b.State, b.Source, instances))]);
    }

    // The Runtime API is the truth; what the load balancer published is a quarter-second old, and all there is when the
    // socket is on another machine or belongs to another user.
    private static async Task<(LbState, string)> LiveAsync(LbState published, CancellationToken cancellationToken)
    {
        try
        {
            var servers = await ServerStates.ReadAsync(published.AdminSocket, published.Backend, cancellationToken);
            var ids = published.Servers.Where(s => s.ServiceId is not null).ToDictionary(s => s.Name, s => s.ServiceId);
            return (published with { Servers = [.. servers.Select(s => s with { ServiceId = ids.GetValueOrDefault(s.Name) })] }, "runtime api");
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException or TimeoutException or FormatException)
        {
            return (published, "published");
        }
    }

    private static StatusInstance WithHAProxy(InstanceRow row, IEnumerable<LbState> balancers)
    {
        var server = balancers.Where(b => b.Service == row.Service).SelectMany(b => b.Servers)
            .FirstOrDefault(s => s.ServiceId == row.Id || (s.Address == row.Address && s.Port == row.Port));
        return new StatusInstance(row.Service, row.Id, row.Address, row.Port, row.Pid, row.Health, server?.State, server?.Sessions);
    }

    private static StatusBalancer Summary(LbState state, string source, IReadOnlyList<InstanceRow> instances)
    {
        var known = instances.Where(i => i.Service == state.Service).ToList();
        var strangers = state.Servers
            .Where(s => !known.Any(i => i.Id == s.ServiceId || (i.Address == s.Address && i.Port == s.Port)))
            .Select(s => new StatusServer(s.Name, $"{s.Address}:{s.Port}", s.State, s.Sessions));
        return new StatusBalancer(state.Service, state.Bind, state.Mode, state.Pid, source, [.. strangers]);
    }
}
