using System.Diagnostics;
using Roster.Bench.Wrk;
using Roster.Testing.Processes;
using Roster.Testing.Registry;
using Roster.Testing.Services;

namespace Roster.Bench.Convergence;

/// <summary>
/// How fast the registry carries a change to its users, with real processes on `roster agent`: a new data process until
/// www's first reply carrying its PID; an agent restarted without a data dir until every service is back in its catalog;
/// and what a www→data request costs, next to data answering directly.
/// </summary>
internal static class ConvergenceBenchmark
{
    public static async Task<ConvergenceFigures> RunAsync(int launches, int restarts, WrkOptions wrk)
    {
        var agent = await RosterAgentProcess.StartAsync("-http-addr", $"127.0.0.1:{Roster.Testing.Network.FreePort.Next()}");
        try
        {
            await using var data1 = await StartAsync("data", agent);
            await using var data2 = await StartAsync("data", agent);
            await using var www = await StartAsync("www", agent);
            await RegistryWait.PassingAsync(agent.Url, "data", 2);

            var (startups, replies) = await LaunchDataAsync(launches, agent, www);
            (agent, var comebacks) = await RestartAgentAsync(restarts, agent);
            await Console.Error.WriteLineAsync("  wrk: www -> data, then data direct");
            await WrkRunner.RunAsync(www.Url, wrk with { Duration = TimeSpan.FromSeconds(2) });
            var viaWww = await WrkRunner.RunAsync(www.Url, wrk);
            var direct = await WrkRunner.RunAsync(data1.Url, wrk);
            return new ConvergenceFigures(startups, replies, comebacks, viaWww, direct);
        }
        finally
        {
            await agent.DisposeAsync();
        }
    }

    // Each launch: start a data process, then ask www until a reply carries the new PID; then stop it (it deregisters first).
    private static async Task<(List<TimeSpan> Startups, List<TimeSpan> Replies)> LaunchDataAsync(
        int launches, RosterAgentProcess agent, RosterService www)
    {
        using var http = new HttpClient();
        List<TimeSpan> startups = [], replies = [];
        for (var i = 1; i <= launches; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var data = await StartAsync("data", agent);
            startups.Add(clock.Elapsed);
            var asked = 0;
            while ((await WwwReply.GetAsync(http, www.Url)).DataPid != data.Pid)
            {
                // Three instances, random choice: the new one answers one request in three once www knows it.
                if (++asked > 10_000)
                {
                    throw new InvalidOperationException($"www never chose data pid {data.Pid} in {asked} requests");
                }
            }

            replies.Add(clock.Elapsed);
            await Console.Error.WriteLineAsync(
                $"  launch {i}/{launches}: listening after {startups[^1].TotalMilliseconds:0} ms, in a www reply after {replies[^1].TotalMilliseconds:0} ms");
            data.Process.Signal(UnixSignal.Terminate);
            await data.Process.WaitForExitAsync();
        }

        return (startups, replies);
    }

    // Each restart: SIGKILL the agent, start a new one on the same address, and time until the catalog lists all three instances again.
    private static async Task<(RosterAgentProcess Agent, List<TimeSpan> Comebacks)> RestartAgentAsync(int restarts, RosterAgentProcess agent)
    {
        List<TimeSpan> comebacks = [];
        for (var i = 1; i <= restarts; i++)
        {
            agent.Process.Signal(UnixSignal.Kill);
            await agent.Process.WaitForExitAsync();
            await agent.DisposeAsync();
            var clock = Stopwatch.StartNew();
            agent = await RosterAgentProcess.StartAsync("-http-addr", agent.Address);
            await RegistryWait.UntilAsync(agent.Url, "v1/catalog/service/data", instances => instances.GetArrayLength() == 2);
            await RegistryWait.UntilAsync(agent.Url, "v1/catalog/service/www", instances => instances.GetArrayLength() == 1);
            comebacks.Add(clock.Elapsed);
            await Console.Error.WriteLineAsync($"  agent restart {i}/{restarts}: all 3 instances back after {comebacks[^1].TotalMilliseconds:0} ms");
            await RegistryWait.PassingAsync(agent.Url, "data", 2);
        }

        return (agent, comebacks);
    }

    private static Task<RosterService> StartAsync(string name, RosterAgentProcess agent) =>
        RosterService.StartAsync(name, "--consul", agent.Address);
}

/// <summary>What the convergence benchmark measured.</summary>
internal sealed record ConvergenceFigures(
    IReadOnlyList<TimeSpan> Startups, IReadOnlyList<TimeSpan> Replies, IReadOnlyList<TimeSpan> Comebacks, WrkResult ViaWww, WrkResult Direct);
