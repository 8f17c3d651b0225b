using System.Diagnostics;
using Roster.Bench.Reporting;
using Roster.Testing;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Services;

namespace Roster.Bench.Churn;

/// <summary>Launching a www until HAProxy, through `roster lb`, answers with its PID: p50/p99 per update path.</summary>
internal static class LbConvergenceBenchmark
{
    public static async Task<(TimeSpan P50, TimeSpan P99)> RunAsync(string mode, int launches)
    {
        using var run = new RunDirectory();
        await using var agent = await RosterAgentProcess.StartAsync();
        await using var data = await RosterService.StartAsync("data", "--consul", agent.Address);
        await using var first = await RosterService.StartAsync("www", "--consul", agent.Address);
        var frontend = FreePort.Next();
        await using var lb = ChurnBenchmark.StartLb(agent, frontend, run, mode);
        await lb.WaitForLineAsync(line => line.Contains("lb listening on", StringComparison.Ordinal));
        await UntilServingAsync(frontend);
        using var http = new HttpClient();
        var url = new Uri($"http://127.0.0.1:{frontend}/");
        List<TimeSpan> times = [];
        for (var i = 0; i < launches; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var www = await RosterService.StartAsync("www", "--consul", agent.Address);
            while (true)
            {
                try
                {
                    if ((await WwwReply.GetAsync(http, url)).WebPid == www.Pid)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // A reload may cut a reply: ask again.
                }
            }

            times.Add(clock.Elapsed);
            www.Process.Signal(UnixSignal.Terminate);
            await www.Process.WaitForExitAsync();
        }

        return (Percentile.Of(times, 0.5), Percentile.Of(times, 0.99));
    }

    /// <summary>Until HAProxy answers 200: in dns mode its slots fill only after the resolver's first answer.</summary>
    public static async Task UntilServingAsync(int frontend)
    {
        using var http = new HttpClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            deadline.Token.ThrowIfCancellationRequested();
            try
            {
                await WwwReply.GetAsync(http, new Uri($"http://127.0.0.1:{frontend}/"));
                return;
            }
            catch (HttpRequestException)
            {
                // Not resolved yet.
            }
        }
    }
}
