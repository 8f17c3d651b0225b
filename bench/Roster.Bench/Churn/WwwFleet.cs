using System.Diagnostics;
using Roster.Testing.Processes;
using Roster.Testing.Repository;

namespace Roster.Bench.Churn;

/// <summary>
/// The www instances of one churn run and the rule that picks each tick's event: start a new www (without waiting for
/// it), or stop one with SIGINT or kill one with SIGKILL, in turn. At least <see cref="MinReady"/> instances that have
/// answered through the front always stay, so the measure is what changes cost, never an empty backend; at most
/// <see cref="MaxLive"/> run at once, so a slow machine cannot pile up processes.
/// </summary>
internal sealed class WwwFleet(string agentAddress, PidSampler sampler) : IAsyncDisposable
{
    public const int MinReady = 2;
    public const int MaxLive = 8;

    private readonly List<WwwInstance> _live = [];
    private readonly List<WwwInstance> _gone = [];
    private bool _stopNext;
    private bool _killNext;

    public int Starts { get; private set; }

    public int Interrupts { get; private set; }

    public int Kills { get; private set; }

    public int Events => Starts + Interrupts + Kills;

    /// <summary>Stops (SIGINT or SIGKILL) of an instance that had answered through the front: the ones HAProxy had to lose.</summary>
    public int StopsOfServing { get; private set; }

    /// <summary>Every instance started during the run (not the initial ones), for the convergence figures.</summary>
    public IReadOnlyList<WwwInstance> Launched => [.. _live.Concat(_gone).Where(i => i.Churned)];

    /// <summary>An instance present before the churn starts; it counts once it has answered through the front.</summary>
    public WwwInstance StartInitial() => Launch(churned: false);

    /// <summary>One event. Never blocks on a process: starts are not awaited, exits are reaped at the end.</summary>
    public void Tick()
    {
        var ready = _live.Where(i => sampler.HasAnswered(i.Pid)).ToList();
        if (_stopNext && ready.Count > MinReady)
        {
            Stop(ready[0]);
            StopsOfServing++;
        }
        else if (_live.Count < MaxLive)
        {
            Launch(churned: true);
            Starts++;
            _stopNext = true;
        }
        else
        {
            // Full of instances still starting (a slow machine): stop the newest of those, which is furthest from
            // serving, and never one of the ready few.
            Stop(_live.Last(i => !ready.Contains(i)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Stopped instances exit on their own; what still runs is killed (the whole process tree).
        foreach (var instance in _gone.Concat(_live))
        {
            await instance.Process.DisposeAsync();
        }
    }

    private WwwInstance Launch(bool churned)
    {
        var launchedAt = Stopwatch.GetTimestamp();
        var process = ChildProcess.Start(RosterBinary.Path, ["service", "www", "0", "--consul", agentAddress]);
        var instance = new WwwInstance(process, launchedAt, churned);
        _live.Add(instance);
        return instance;
    }

    private void Stop(WwwInstance instance)
    {
        _live.Remove(instance);
        _gone.Add(instance);
        instance.Process.Signal(_killNext ? UnixSignal.Kill : UnixSignal.Interrupt);
        if (_killNext)
        {
            Kills++;
        }
        else
        {
            Interrupts++;
        }

        _killNext = !_killNext;
        _stopNext = false;
    }
}

/// <summary>A www process and when it was launched (a <see cref="Stopwatch"/> timestamp).</summary>
internal sealed record WwwInstance(ChildProcess Process, long LaunchedAt, bool Churned)
{
    public int Pid => Process.Pid;
}
