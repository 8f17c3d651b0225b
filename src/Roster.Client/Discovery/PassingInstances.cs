using System.Collections.Concurrent;
using Roster.Client.Watch;

namespace Roster.Client.Discovery;

/// <summary>One <see cref="InstanceTracker"/> per service name, started on first use and stopped with the host.</summary>
internal sealed class PassingInstances(ConsulClient client, ConsulWatch watch, TimeProvider time) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<InstanceTracker>> _trackers = new(StringComparer.OrdinalIgnoreCase);

    public InstanceTracker For(string service) =>
        _trackers.GetOrAdd(service, name => new Lazy<InstanceTracker>(() => new InstanceTracker(name, client, watch, time))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var tracker in _trackers.Values.Where(t => t.IsValueCreated))
        {
            await tracker.Value.DisposeAsync();
        }
    }
}
