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
    /// <remarks>
    /// The count is the worker's <c>CurrConns</c> read on the admin socket just before the reload, and the end is seen in
    /// /proc: asking the old worker itself (<c>@!PID show info</c> through the master CLI) is the path of 2.6's known
    /// master-CLI hangs, and the master CLI must stay free for reloads.
    /// </remarks>
    private async Task ReportOldWorkersAsync(ReloadOutcome outcome, int? exposed)
    {
        var stopping = _stopping.Token;
        try
        {
            var started = time.GetTimestamp();
            var connections = exposed?.ToString(CultureInfo.InvariantCulture) ?? "an unknown number of (no admin socket)";
            Log.OldWorkersClosing(logger, outcome.Reloads, string.Join(',', outcome.Replaced), connections);
            while (time.GetElapsedTime(started) < OldWorkerLimit)
            {
                if (!outcome.Replaced.Any(IsRunning))
                {
                    Log.OldWorkersGone(logger, outcome.Reloads, connections, (long)time.GetElapsedTime(started).TotalMilliseconds);
                    return;
                }

                await Task.Delay(OldWorkerPoll, time, stopping);
            }

            Log.OldWorkersLinger(logger, outcome.Reloads, string.Join(',', outcome.Replaced), OldWorkerLimit);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: HAProxy goes, old workers with it.
        }
    }

    // The current worker's connections, which it keeps as the old worker once the reload is through.
    private async Task<int?> CurrentConnectionsAsync(CancellationToken cancellationToken)
    {
        if (adminSocketPath is null)
        {
            return null;
        }

        try
        {
            return CurrentConnections(await UnixSocketCommand.SendAsync(adminSocketPath, "show info", cancellationToken, PollAnswerLimit));
        }
        catch (Exception e) when (e is HAProxySocketException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>The <c>CurrConns</c> line of <c>show info</c>; 0 when absent.</summary>
    internal static int CurrentConnections(string info) =>
        info.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("CurrConns:", StringComparison.Ordinal))
            .Select(l => int.TryParse(l["CurrConns:".Length..], NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .FirstOrDefault();

    // A worker is reaped by its master, so a missing /proc entry (or a zombie, if the master died) means it is gone.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..] is var rest && rest.Length > 0 && rest[0] is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
