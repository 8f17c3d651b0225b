using System.Globalization;
using Roster.HAProxy.Live;

namespace Roster.HAProxy.Master;

internal sealed partial class HAProxyMaster
{
    // Past hard-stop-after (30 s in roster's config) the old worker is gone for sure; a user's template may set more.
    private static readonly TimeSpan OldWorkerLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan OldWorkerPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// What a reload may cost: the replaced worker closes every connection it still holds (idle ones spread over
    /// <c>close-spread-time</c>), and a keep-alive client that sends its next request just as its idle connection closes
    /// gets a read error (haproxy.md §1). HAProxy cannot see those failures; it can say how many connections were
    /// exposed and how long the old worker took to let go of them, which is what is logged, once per reload.
    /// </summary>
    private async Task ReportOldWorkersAsync(ReloadOutcome outcome)
    {
        var stopping = _stopping.Token;
        try
        {
            var started = time.GetTimestamp();
            var open = 0;
            foreach (var pid in outcome.Replaced)
            {
                open += await OpenConnectionsAsync(pid, stopping);
            }

            Log.OldWorkersClosing(logger, outcome.Reloads, string.Join(',', outcome.Replaced), open);
            while (time.GetElapsedTime(started) < OldWorkerLimit)
            {
                await Task.Delay(OldWorkerPoll, time, stopping);
                try
                {
                    if (!outcome.Replaced.Any((await ShowProcAsync(stopping)).Lists))
                    {
                        Log.OldWorkersGone(logger, outcome.Reloads, open, (long)time.GetElapsedTime(started).TotalMilliseconds);
                        return;
                    }
                }
                catch (Exception e) when (e is HAProxySocketException or TimeoutException or FormatException)
                {
                    // The master re-executing for a later reload, or restarting: ask again.
                }
            }

            Log.OldWorkersLinger(logger, outcome.Reloads, string.Join(',', outcome.Replaced), OldWorkerLimit);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: HAProxy goes, old workers with it.
        }
    }

    // "@!PID" sends the command to that worker through the master, old workers included; CurrConns counts its connections.
    private async Task<int> OpenConnectionsAsync(int pid, CancellationToken cancellationToken)
    {
        try
        {
            var info = await UnixSocketCommand.SendAsync(
                MasterSocketPath, string.Create(CultureInfo.InvariantCulture, $"@!{pid} show info"), cancellationToken, PollAnswerLimit);
            return CurrentConnections(info);
        }
        catch (Exception e) when (e is HAProxySocketException or TimeoutException)
        {
            return 0;
        }
    }

    /// <summary>The <c>CurrConns</c> line of <c>show info</c>; 0 when absent (e.g. "Can't find the target PID": already gone).</summary>
    internal static int CurrentConnections(string info) =>
        info.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("CurrConns:", StringComparison.Ordinal))
            .Select(l => int.TryParse(l["CurrConns:".Length..], NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .FirstOrDefault();
}
