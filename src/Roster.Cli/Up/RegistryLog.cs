using Roster.Cli.Status;
using Roster.Client;
using Roster.Client.Watch;
using Roster.HAProxy.State;

namespace Roster.Cli.Up;

/// <summary>
/// The registry side of <c>roster up</c>'s live log: instances joining, changing health and leaving, and HAProxy's
/// servers changing state, each watched with a blocking query and printed as one line per change.
/// </summary>
internal sealed class RegistryLog(ConsulClient consul, ConsulWatch watch, UpConsole console)
{
    public Task RunAsync(IEnumerable<string> services, CancellationToken cancellationToken) =>
        Task.WhenAll([.. services.Select(s => FollowInstancesAsync(s, cancellationToken)), FollowHAProxyAsync(cancellationToken)]);

    private async Task FollowInstancesAsync(string service, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, InstanceRow>();
        try
        {
            await foreach (var result in watch.WatchAsync(
                $"health.service({service})", (q, ct) => consul.Health.ServiceAsync(service, options: q, cancellationToken: ct), cancellationToken: cancellationToken))
            {
                var now = result.Value.Select(InstanceRow.From).ToDictionary(r => r.Id);
                foreach (var row in now.Values)
                {
                    if (!known.TryGetValue(row.Id, out var before))
                    {
                        console.Line($"+ {service,-5} {row.Endpoint,-21} {Pid(row)} {row.Health}");
                    }
                    else if (before.Health != row.Health)
                    {
                        console.Line($"~ {service,-5} {row.Endpoint,-21} {Pid(row)} {row.Health}");
                    }
                }

                foreach (var gone in known.Values.Where(r => !now.ContainsKey(r.Id)))
                {
                    console.Line($"- {service,-5} {gone.Endpoint,-21} {Pid(gone)} deregistered");
                }

                known = now;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task FollowHAProxyAsync(CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string>();
        try
        {
            await foreach (var result in watch.WatchAsync(
                "kv(roster/haproxy/)", (q, ct) => consul.Kv.ListAsync(LbState.KeyPrefix, q, ct), cancellationToken: cancellationToken))
            {
                var now = new Dictionary<string, string>();
                foreach (var entry in result.Value)
                {
                    var state = LbState.TryParse(entry.Value.Span);
                    foreach (var server in state?.Servers ?? [])
                    {
                        now[$"{state!.Service}/{server.Address}:{server.Port}"] = server.State;
                    }
                }

                foreach (var (server, state) in now.Where(s => known.GetValueOrDefault(s.Key) != s.Value))
                {
                    console.Line($"  haproxy {server} {state}");
                }

                foreach (var server in known.Keys.Where(k => !now.ContainsKey(k)))
                {
                    console.Line($"  haproxy {server} removed");
                }

                known = now;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static string Pid(InstanceRow row) => row.Pid is { } pid ? $"pid {pid,-7}" : "           ";
}
