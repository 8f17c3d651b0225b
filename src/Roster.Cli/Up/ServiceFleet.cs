using System.Collections.Immutable;
using System.Threading.Channels;

namespace Roster.Cli.Up;

/// <summary>
/// The <c>data</c> and <c>www</c> processes of <c>roster up</c>: as many of each as the registry's
/// <c>roster/scale/SERVICE</c> asks for. Every change of the counts and every exit sets one dirty signal; one loop starts
/// what is missing (data first, which www needs) and stops the newest extras.
/// </summary>
internal sealed class ServiceFleet(IReadOnlyList<string> arguments, string logDirectory, UpConsole console, TimeProvider time)
{
    /// <summary>The services a fleet runs, in start order.</summary>
    public static readonly ImmutableArray<string> Services = ["data", "www"];

    // A child that dies this soon after its start is crashing, not churning: wait before the next try, longer each time.
    private static readonly TimeSpan QuickExit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, List<ChildProcess>> _children = Services.ToDictionary(s => s, _ => new List<ChildProcess>());
    private readonly Dictionary<string, int> _quickExits = Services.ToDictionary(s => s, _ => 0);
    private readonly Dictionary<string, int> _serial = Services.ToDictionary(s => s, _ => 0);
    private readonly List<Task> _stopping = [];
    private ImmutableDictionary<string, int> _desired = ImmutableDictionary<string, int>.Empty;

    /// <summary>The newest desired counts; services not named keep theirs.</summary>
    public void Want(IReadOnlyDictionary<string, int> counts)
    {
        var next = _desired.SetItems(counts.Where(c => Services.Contains(c.Key)));
        foreach (var (service, count) in next)
        {
            if (_desired.GetValueOrDefault(service, -1) != count)
            {
                console.Line($"scale {service}={count}");
            }
        }

        _desired = next;
        _dirty.Writer.TryWrite(true);
    }

    /// <summary>The processes running now, per service.</summary>
    public IReadOnlyList<ChildProcess> Running(string service) => [.. _children[service].Where(c => !c.Exited.IsCompleted)];

    /// <summary>Starts and stops processes until cancelled; then stops them all (www first, as it calls data).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await _dirty.Reader.ReadAsync(cancellationToken);
                foreach (var service in Services)
                {
                    await ReconcileAsync(service, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(_stopping);
            foreach (var service in Services.Reverse())
            {
                await Task.WhenAll(_children[service].Select(c => c.DisposeAsync().AsTask()));
            }
        }
    }

    private async Task ReconcileAsync(string service, CancellationToken cancellationToken)
    {
        var children = _children[service];
        foreach (var exited in children.Where(c => c.Exited.IsCompleted))
        {
            _quickExits[service] = time.GetElapsedTime(exited.StartedAt) < QuickExit ? _quickExits[service] + 1 : 0;
        }

        children.RemoveAll(c => c.Exited.IsCompleted);
        _stopping.RemoveAll(t => t.IsCompleted);
        var desired = _desired.GetValueOrDefault(service);
        var extra = children.Count - desired;
        foreach (var child in children.OrderByDescending(c => c.StartedAt).Take(Math.Max(0, extra)).ToList())
        {
            children.Remove(child);
            console.Line($"stopping {child.Name} (pid {child.Pid})");
            _stopping.Add(child.DisposeAsync().AsTask());
        }

        if (children.Count < desired && _quickExits[service] > 0)
        {
            var backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, TimeSpan.FromSeconds(1).Ticks << Math.Min(_quickExits[service] - 1, 5)));
            console.Line($"{service} keeps exiting; next start in {backoff.TotalSeconds:0} s (logs: {logDirectory})");
            await Task.Delay(backoff, time, cancellationToken);
        }

        while (children.Count < desired)
        {
            var name = $"{service}-{++_serial[service]}";
            var child = ChildProcess.Start(name, ["service", service, "0", .. arguments], $"{service} listening on", logDirectory, time);
            children.Add(child);
            console.Line($"started {name} (pid {child.Pid})");
            _ = WatchAsync(child);
        }
    }

    // An exit nobody asked for: say so, and let the loop start a replacement.
    private async Task WatchAsync(ChildProcess child)
    {
        var code = await child.Exited;
        if (child.StopRequested)
        {
            console.Line($"{child.Name} (pid {child.Pid}) stopped");
            return;
        }

        console.Line($"{child.Name} (pid {child.Pid}) exited with code {code}; starting another");
        _dirty.Writer.TryWrite(true);
    }
}
