using System.Diagnostics;
using Roster.Testing;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Repository;
using Roster.Testing.Services;

namespace Roster.Bench.Up;

/// <summary>
/// The one command: <c>roster up</c> from launch to the first 200 on its frontend, <c>roster scale www=4</c> to four
/// distinct <c>web_pid</c>s through HAProxy, and SIGTERM to a clean exit; and how fast one child process starts with
/// the ReadyToRun build next to the same code compiled just in time.
/// </summary>
internal static class UpBenchmark
{
    private const int MaxRequests = 20_000;

    public static async Task<UpFigures> RunAsync(int runs, IReadOnlyDictionary<string, string> binaries)
    {
        List<TimeSpan> firstReply = [], scale = [], shutdown = [];
        using var http = new HttpClient { Timeout = Timeouts.Ready };
        for (var run = 1; run <= runs; run++)
        {
            await Console.Error.WriteLineAsync($"  roster up, run {run} of {runs}");
            using var directory = new RunDirectory();
            var frontend = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
            var clock = Stopwatch.StartNew();
            await using var up = ChildProcess.Start(
                RosterBinary.Path,
                ["up", "--http-addr", "127.0.0.1:0", "--dns-addr", "127.0.0.1:0", "--bind", $"127.0.0.1:{frontend.Port}", "--run-dir", directory.Path]);
            await UntilAsync(http, frontend, reply => true);
            firstReply.Add(clock.Elapsed);

            var registry = (await up.WaitForLineAsync(l => l.StartsWith("  registry ", StringComparison.Ordinal))).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            clock.Restart();
            var scaled = await RosterCli.RunAsync("scale", "www=4", "--consul", registry);
            if (scaled.ExitCode != 0)
            {
                throw new InvalidOperationException($"roster scale failed: {string.Join('\n', scaled.Stderr)}");
            }

            var seen = new HashSet<int>();
            await UntilAsync(http, frontend, reply => seen.Add(reply.WebPid) && seen.Count == 4);
            scale.Add(clock.Elapsed);

            clock.Restart();
            up.Signal(UnixSignal.Terminate);
            await up.WaitForExitAsync(Timeouts.Ready);
            shutdown.Add(clock.Elapsed);
        }

        var starts = new Dictionary<string, IReadOnlyList<TimeSpan>>();
        foreach (var (name, binary) in binaries)
        {
            await Console.Error.WriteLineAsync($"  data launch -> listening, {name}");
            starts[name] = await ChildStartsAsync(binary, runs * 4);
        }

        return new UpFigures(firstReply, scale, shutdown, starts);
    }

    // Asks until a reply satisfies the condition; refused connections and 503s count as "not yet" (the system is starting).
    private static async Task UntilAsync(HttpClient http, Uri frontend, Func<WwwReply, bool> done)
    {
        for (var i = 0; i < MaxRequests; i++)
        {
            try
            {
                if (done(await WwwReply.GetAsync(http, frontend)))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10));
            }
        }

        throw new InvalidOperationException($"no satisfying reply from {frontend} in {MaxRequests} requests");
    }

    // A data process needs no registry to print "listening" (it registers in the background), so it starts alone.
    private static async Task<IReadOnlyList<TimeSpan>> ChildStartsAsync(string binary, int launches)
    {
        await using var agent = await RosterAgentProcess.StartAsync();
        var samples = new List<TimeSpan>();
        for (var i = 0; i < launches; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var data = ChildProcess.Start(binary, ["service", "data", "0", "--consul", agent.Address]);
            await data.WaitForLineAsync(l => l.StartsWith("data listening on", StringComparison.Ordinal));
            samples.Add(clock.Elapsed);
        }

        return samples;
    }
}
