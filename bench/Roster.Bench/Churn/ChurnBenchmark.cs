using System.Diagnostics;
using Roster.Bench.Wrk;
using Roster.Testing;
using Roster.Testing.Processes;

namespace Roster.Bench.Churn;

/// <summary>
/// wrk at full rate through each update path while www instances come and go, one event every 300 ms (start, SIGINT,
/// SIGKILL): the failed requests each path costs, and how long a launched www takes to answer through HAProxy.
/// </summary>
internal static class ChurnBenchmark
{
    private static readonly TimeSpan EventInterval = TimeSpan.FromMilliseconds(300);

    /// <summary>Launches one after another once wrk has stopped, for the convergence figure without load.</summary>
    public const int QuietLaunches = 20;

    /// <summary>The paths side by side: roster lb's three modes, and the seed's render + hard restart.</summary>
    private static readonly (string Name, Func<RosterAgentProcess, RunDirectory, Task<IChurnFront>> Start)[] Paths =
    [
        ("runtime", async (agent, run) => await LbFront.StartAsync("runtime", agent, run)),
        ("reload", async (agent, run) => await LbFront.StartAsync("reload", agent, run)),
        ("dns", async (agent, run) => await LbFront.StartAsync("dns", agent, run)),
        ("seed", async (agent, run) => await SeedFront.StartAsync(agent, run)),
    ];

    public static IReadOnlyList<string> PathNames => [.. Paths.Select(p => p.Name)];

    public static async Task<IReadOnlyList<ChurnFigures>> RunAsync(WrkOptions wrk, IReadOnlyCollection<string> only)
    {
        List<ChurnFigures> figures = [];
        foreach (var (name, start) in Paths.Where(p => only.Contains(p.Name)))
        {
            figures.Add(await RunPathAsync(name, start, wrk));
            await Console.Error.WriteLineAsync($"  {figures[^1]}");
        }

        return figures;
    }

    private static async Task<ChurnFigures> RunPathAsync(string name, Func<RosterAgentProcess, RunDirectory, Task<IChurnFront>> start, WrkOptions wrk)
    {
        using var run = new RunDirectory();
        await using var agent = await RosterAgentProcess.StartAsync();
        await using var data = await RosterService.StartAsync("data", "--consul", agent.Address);
        await using var front = await start(agent, run);
        await using var sampler = new PidSampler(front.Url);
        await using var fleet = new WwwFleet(agent.Address, sampler);

        // The initial instances must answer through the front before the clock starts (in dns mode that waits for HAProxy's
        // resolver too): they are the floor the churn keeps.
        var initial = Enumerable.Range(0, WwwFleet.MinReady).Select(_ => fleet.StartInitial()).ToList();
        await Task.WhenAll(initial.Select(i => sampler.FirstReplyFrom(i.Pid))).WaitAsync(Timeouts.Ready);

        // The sampler's 503s while the backend was still empty are not the churn's.
        var (repliesBefore, failuresBefore, restartsBefore) = (sampler.Replies, sampler.Failures, (front as SeedFront)?.Restarts);
        var load = WrkRunner.RunAsync(front.Url, wrk);
        using (var ticks = new PeriodicTimer(EventInterval))
        {
            // One event at once and one per tick until wrk is done; an action never blocks, so the ticks keep their pace.
            fleet.Tick();
            while (await Task.WhenAny(load, ticks.WaitForNextTickAsync().AsTask()) != load)
            {
                fleet.Tick();
            }
        }

        var result = await load;
        var quiet = await QuietConvergence.RunAsync(agent.Address, front.Url, QuietLaunches);
        var converged = fleet.Launched
            .Where(i => sampler.FirstReplyFrom(i.Pid).IsCompleted)
            .Select(i => Stopwatch.GetElapsedTime(i.LaunchedAt, sampler.FirstReplyFrom(i.Pid).Result))
            .ToList();
        return new ChurnFigures(name, fleet.Starts, fleet.Interrupts, fleet.Kills, result, converged)
        {
            StopsOfServing = fleet.StopsOfServing,
            SamplerReplies = sampler.Replies - repliesBefore,
            SamplerFailures = sampler.Failures - failuresBefore,
            Restarts = (front as SeedFront)?.Restarts - restartsBefore,
            Quiet = quiet,
        };
    }
}
