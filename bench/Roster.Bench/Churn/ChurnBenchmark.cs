using Roster.Bench.Wrk;
using Roster.Testing;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Repository;

namespace Roster.Bench.Churn;

/// <summary>
/// wrk at full rate through `roster lb` while www instances come and go (started, stopped with SIGINT, killed with
/// SIGKILL, one event about every 300 ms): the failed requests each update path costs, side by side in one run.
/// </summary>
internal static class ChurnBenchmark
{
    private static readonly TimeSpan EventInterval = TimeSpan.FromMilliseconds(300);

    public static async Task<IReadOnlyList<ChurnFigures>> RunAsync(TimeSpan duration)
    {
        List<ChurnFigures> figures = [];
        foreach (var mode in new[] { "runtime", "reload", "dns" })
        {
            var convergence = await LbConvergenceBenchmark.RunAsync(mode, 20);
            figures.Add(await RunModeAsync(mode, duration) with { ConvergenceP50 = convergence.P50, ConvergenceP99 = convergence.P99 });
            await Console.Error.WriteLineAsync($"  {mode}: {figures[^1]}");
        }

        return figures;
    }

    private static async Task<ChurnFigures> RunModeAsync(string mode, TimeSpan duration)
    {
        using var run = new RunDirectory();
        await using var agent = await RosterAgentProcess.StartAsync();
        await using var data = await RosterService.StartAsync("data", "--consul", agent.Address);
        var frontend = FreePort.Next();
        List<RosterService> www = [await StartWwwAsync(agent), await StartWwwAsync(agent)];
        await using var lb = StartLb(agent, frontend, run, mode);
        await lb.WaitForLineAsync(line => line.Contains("lb listening on", StringComparison.Ordinal));
        await LbConvergenceBenchmark.UntilServingAsync(frontend);
        try
        {
            var load = WrkRunner.RunAsync(new Uri($"http://127.0.0.1:{frontend}/"), new WrkOptions(Threads: 1, Connections: 50, duration));
            var events = 0;
            var kill = false;
            while (!load.IsCompleted)
            {
                await Task.WhenAny(load, Task.Delay(EventInterval));
                if (load.IsCompleted)
                {
                    break;
                }

                // Never fewer than two: the measure is what changes cost, not an empty backend.
                if (www.Count < 4)
                {
                    www.Add(await StartWwwAsync(agent));
                }
                else
                {
                    var leaving = www[0];
                    www.RemoveAt(0);
                    leaving.Process.Signal(kill ? UnixSignal.Kill : UnixSignal.Interrupt);
                    kill = !kill;
                    await leaving.Process.WaitForExitAsync();
                    await leaving.DisposeAsync();
                }

                events++;
            }

            var result = await load;
            return new ChurnFigures(mode, events, result);
        }
        finally
        {
            foreach (var service in www)
            {
                await service.DisposeAsync();
            }
        }
    }

    /// <summary>`roster lb` in one mode; dns mode reads the agent's DNS interface.</summary>
    public static ChildProcess StartLb(RosterAgentProcess agent, int frontend, RunDirectory run, string mode) => ChildProcess.Start(
        RosterBinary.Path,
        [
            "lb", "--consul", agent.Address, "--bind", $"127.0.0.1:{frontend}", "--run-dir", run.Path, "--mode", mode,
            .. mode == "dns" ? new[] { "--dns", agent.DnsEndpoint!.ToString() } : [],
        ]);

    private static Task<RosterService> StartWwwAsync(RosterAgentProcess agent) => RosterService.StartAsync("www", "--consul", agent.Address);
}

/// <summary>One update path under churn: instance events, and what wrk saw.</summary>
internal sealed record ChurnFigures(string Mode, int Events, WrkResult Wrk)
{
    /// <summary>Launching a www until a reply through HAProxy carries its PID.</summary>
    public TimeSpan ConvergenceP50 { get; init; }

    public TimeSpan ConvergenceP99 { get; init; }
}
