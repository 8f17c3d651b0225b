using System.Threading.Channels;
using Roster.Templating.Dependencies;
using Roster.Templating.Rendering;

namespace Roster.Templating.Runner;

/// <summary>
/// One running watch per dependency key, shared by every template that reads it. Each new answer goes into the brain;
/// when it changed something, the key is posted to <see cref="Changes"/>, which wakes the runner.
/// </summary>
internal sealed class DependencyWatchers(DependencySource source, Brain brain) : IAsyncDisposable
{
    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Running)> _running = new(StringComparer.Ordinal);
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Changes => _changes.Reader;

    public IReadOnlyCollection<string> Keys => _running.Keys;

    /// <summary>Starts a watch for every dependency not yet watched and stops those no longer in <paramref name="used"/>.</summary>
    public async Task<(int Started, int Stopped)> ReconcileAsync(IReadOnlyCollection<IDependency> used)
    {
        var wanted = used.DistinctBy(d => d.Key).ToDictionary(d => d.Key, StringComparer.Ordinal);
        var started = 0;
        foreach (var (key, dependency) in wanted)
        {
            if (!_running.ContainsKey(key))
            {
                var stop = new CancellationTokenSource();
                _running[key] = (stop, WatchAsync(dependency, stop.Token));
                started++;
            }
        }

        var unused = _running.Keys.Where(key => !wanted.ContainsKey(key)).ToList();
        foreach (var key in unused)
        {
            await StopAsync(key);
            brain.Forget(key);
        }

        return (started, unused.Count);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var key in _running.Keys.ToList())
        {
            await StopAsync(key);
        }
    }

    private async Task WatchAsync(IDependency dependency, CancellationToken cancellationToken)
    {
        // Off the caller's thread: the first fetch must not run inside the render loop.
        await Task.Yield();
        try
        {
            await foreach (var value in dependency.WatchAsync(source, cancellationToken))
            {
                if (brain.Remember(dependency.Key, value))
                {
                    _changes.Writer.TryWrite(dependency.Key);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task StopAsync(string key)
    {
        var (stop, running) = _running[key];
        _running.Remove(key);
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }
}
