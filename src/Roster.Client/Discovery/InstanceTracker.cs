using System.Net;
using Microsoft.Extensions.Primitives;
using Roster.Client.Watch;
using Roster.Protocol.Health;

namespace Roster.Client.Discovery;

/// <summary>
/// Follows the passing instances of one service with a blocking-query watch and publishes each new set with a change
/// token: pushed from the registry, never polled. A registry that restarted empty does not empty the set at once: the
/// instances from before stay through a <see cref="RestartGrace"/> while the running services register again.
/// </summary>
internal sealed class InstanceTracker : IAsyncDisposable
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private readonly Lock _gate = new();
    private readonly RestartGrace _grace;
    private volatile bool _failed;
    private CancellationTokenSource _generation = new();
    private InstanceSet _current;

    public InstanceTracker(string service, ConsulClient client, ConsulWatch watch, TimeProvider time)
    {
        _current = new InstanceSet([], new CancellationChangeToken(_generation.Token));
        // Under the same lock as an answer: whichever publishes last was computed from the newest state.
        _grace = new RestartGrace(time, () =>
        {
            lock (_gate)
            {
                // A grace that closes while the tracker is being disposed has nobody left to tell.
                if (!_stop.IsCancellationRequested)
                {
                    Publish(_grace!.Current);
                }
            }
        });
        _watching = WatchAsync(service, client, watch, _stop.Token);
    }

    /// <summary>The current set; waits for the registry's first answer.</summary>
    public async Task<InstanceSet> CurrentAsync(CancellationToken cancellationToken)
    {
        await _first.Task.WaitAsync(cancellationToken);
        return Volatile.Read(ref _current);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _watching;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        lock (_gate)
        {
            _grace.Dispose();
        }

        _stop.Dispose();
        _generation.Dispose();
    }

    private async Task WatchAsync(string service, ConsulClient client, ConsulWatch watch, CancellationToken cancellationToken)
    {
        await foreach (var result in watch.WatchAsync(
            $"health.service({service}|passing)", (q, ct) => FetchAsync(client, service, q, ct),
            cancellationToken: cancellationToken))
        {
            lock (_gate)
            {
                Publish(_grace.Apply(result.LastIndex, result.Value ?? [], afterFailure: _failed));
                _failed = false;
            }
        }
    }

    // The watch retries failures on its own; the grace needs to know one happened (the registry may have restarted).
    private async Task<QueryResult<IReadOnlyList<CheckServiceNode>>> FetchAsync(
        ConsulClient client, string service, QueryOptions query, CancellationToken cancellationToken)
    {
        try
        {
            return await client.Health.ServiceAsync(service, passingOnly: true, options: query, cancellationToken: cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _failed = true;
            throw;
        }
    }

    private void Publish(IReadOnlyList<CheckServiceNode> instances)
    {
        IReadOnlyList<EndPoint> endpoints = [.. instances.Select(EndpointOf)];
        var previous = _generation;
        _generation = new CancellationTokenSource();
        Volatile.Write(ref _current, new InstanceSet(endpoints, new CancellationChangeToken(_generation.Token)));
        _first.TrySetResult();
        // Fired after the new set is visible: whoever reacts to the token reads the new set.
        previous.Cancel();
        previous.Dispose();
    }

    /// <summary>Consul's rule: the service's address, or the node's when the service has none.</summary>
    private static EndPoint EndpointOf(CheckServiceNode entry)
    {
        var address = string.IsNullOrEmpty(entry.Service.Address) ? entry.Node.Address : entry.Service.Address;
        return IPAddress.TryParse(address, out var ip) ? new IPEndPoint(ip, entry.Service.Port) : new DnsEndPoint(address, entry.Service.Port);
    }
}
