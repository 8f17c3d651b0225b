using Roster.Client;
using Roster.Client.Watch;

namespace Roster.Cli.Up;

/// <summary>Follows <c>roster/scale/</c> with a blocking query and hands every new set of counts to the fleet.</summary>
internal sealed class ScaleWatch(ConsulClient consul, ConsulWatch watch, ServiceFleet fleet, UpConsole console)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var result in watch.WatchAsync(
                "kv(roster/scale/)", (q, ct) => consul.Kv.ListAsync(ScaleKey.Prefix, q, ct), cancellationToken: cancellationToken))
            {
                var counts = new Dictionary<string, int>();
                foreach (var entry in result.Value)
                {
                    var service = entry.Key[ScaleKey.Prefix.Length..];
                    if (ScaleKey.Decode(entry.Value.Span) is { } count)
                    {
                        counts[service] = count;
                    }
                    else
                    {
                        console.Line($"ignoring {entry.Key}: not a count from 0 to {ScaleKey.MaxCount}");
                    }
                }

                fleet.Want(counts);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
