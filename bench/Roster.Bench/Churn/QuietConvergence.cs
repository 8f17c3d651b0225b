using System.Diagnostics;
using Roster.Testing.Processes;
using Roster.Testing.Services;

namespace Roster.Bench.Churn;

/// <summary>
/// Launching a www, with no load on the machine, until the front answers with its PID: the convergence figure of
/// issue 6 (p50 &lt; 300 ms), one launch after another on the same front the churn ran through.
/// </summary>
internal static class QuietConvergence
{
    private const int MaxAsks = 10_000;

    public static async Task<IReadOnlyList<TimeSpan>> RunAsync(string agentAddress, Uri front, int launches)
    {
        using var http = new HttpClient();
        List<TimeSpan> times = [];
        for (var i = 0; i < launches; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var www = await RosterService.StartAsync("www", "--consul", agentAddress);
            for (var asked = 0; ; asked++)
            {
                if (asked == MaxAsks)
                {
                    throw new InvalidOperationException($"{front} never answered with www pid {www.Pid} in {MaxAsks} requests");
                }

                try
                {
                    if ((await WwwReply.GetAsync(http, front)).WebPid == www.Pid)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // A reload (or the seed's restart) may cut a reply: ask again.
                }
            }

            times.Add(clock.Elapsed);
            www.Process.Signal(UnixSignal.Terminate);
            await www.Process.WaitForExitAsync();
        }

        return times;
    }
}
