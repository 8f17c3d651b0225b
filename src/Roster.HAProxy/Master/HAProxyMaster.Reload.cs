using Roster.HAProxy.Live;

namespace Roster.HAProxy.Master;

internal sealed partial class HAProxyMaster
{
    private static readonly TimeSpan ReloadLimit = TimeSpan.FromSeconds(30);

    // Gentler than the start-up poll: every master-CLI connection is work for the master while it re-executes.
    private static readonly TimeSpan ReloadPoll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MasterCliPatience = TimeSpan.FromSeconds(3);

    // A re-exec takes 0.1-0.6 s here (haproxy.md §1); a master silent this long with no new worker is stuck.
    private static readonly TimeSpan WedgeLimit = TimeSpan.FromSeconds(5);

    // The ALERT lines of a refused config come just before "Loading failure!" on the master's output, which may lag
    // the master CLI's answer by a moment; 2.6 has no "show startup-logs" to ask for them.
    private static readonly TimeSpan FailureLinesLimit = TimeSpan.FromSeconds(2);

    /// <summary>Reloads onto the config at the path HAProxy was started with; false when HAProxy refused it (reason logged).</summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken) => (await ReloadConfirmedAsync(cancellationToken)).Reloaded;

    /// <summary>
    /// Copies the config to the live path and sends the master CLI's <c>reload</c>, confirmed by <c>show proc</c>: the
    /// reload counter moved, a new worker runs and the failure counter did not move. A refused config leaves the old
    /// worker serving; the live copy goes back to the last good config and HAProxy's reason is logged.
    /// </summary>
    public async Task<ReloadOutcome> ReloadConfirmedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var child = _child is { Exited.IsCompleted: false } running ? running : throw new InvalidOperationException("HAProxy is not running");
            var started = time.GetTimestamp();
            var candidate = await File.ReadAllTextAsync(_sourcePath, cancellationToken);
            var lastGood = await File.ReadAllTextAsync(LiveConfigPath, cancellationToken);
            var before = await TryShowProcAsync(cancellationToken);
            var exposed = await CurrentConnectionsAsync(cancellationToken);
            var mark = _output.Mark();
            await WriteLiveConfigAsync(candidate, cancellationToken);
            if (before is null)
            {
                // The master CLI is gone (see ConfirmAsync): SIGUSR2 is the same reload, and /proc shows its new worker.
                Log.MasterCliUnreachable(logger, child.Pid, MasterCliPatience);
                // Counters unknown: int.MaxValue failures, so only a new worker can decide (a refused config times out).
                before = new MasterProcessList(child.Pid, 0, int.MaxValue, Children(child.Pid), []);
                UnixSignals.Send(child.Pid, UnixSignals.User2);
            }
            else
            {
                await SendReloadAsync(cancellationToken);
            }

            var outcome = await ConfirmAsync(child, before, mark, started, cancellationToken);
            if (outcome.Reloaded)
            {
                _refused = null;
                Log.Reloaded(logger, outcome.Reloads, (long)outcome.Elapsed.TotalMilliseconds, string.Join(',', outcome.Replaced));
                _ = ReportOldWorkersAsync(outcome, exposed);
            }
            else if (outcome.Wedged)
            {
                // Seen with 2.6.12 under churn: the re-executing master blocked reading its worker's socketpair for good
                // (wchan unix_stream_read_generic), answering nothing, while the old worker served on. Only a new master
                // helps: killed here, the supervisor starts one on the newest config (this one, which was not refused).
                Log.Wedged(logger, child.Pid, WedgeLimit);
                UnixSignals.Send(child.Pid, UnixSignals.Kill);
            }
            else
            {
                // The master keeps its old worker; the file it re-reads on the next reload or restart must match it.
                await WriteLiveConfigAsync(lastGood, CancellationToken.None);
                _refused = candidate;
                Log.ReloadRefused(logger, outcome.Reason);
            }

            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RetryWhileRefusedAsync(ct => UnixSocketCommand.SendAsync(MasterSocketPath, "reload", ct, PollAnswerLimit), cancellationToken);
        }
        catch (HAProxySocketException e) when (e.Connected)
        {
            // Dropped after it was sent: the master re-executing. Sending it again could reload twice; show proc tells.
        }
    }

    private async Task<ReloadOutcome> ConfirmAsync(
        HAProxyChild child, MasterProcessList before, long mark, long started, CancellationToken cancellationToken)
    {
        var lastAnswer = time.GetTimestamp();
        while (!child.Exited.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MasterProcessList? now = null;
            try
            {
                now = await ShowProcAsync(cancellationToken);
                lastAnswer = time.GetTimestamp();
            }
            catch (Exception e) when (e is HAProxySocketException or TimeoutException or FormatException)
            {
                // The master CLI refuses connections for 100-280 ms while the master re-executes (haproxy.md §1).
            }

            // Once, under churn with load, 2.6.12's master CLI refused connections for good after a reload that had
            // worked (its known master-CLI bugs; the master then also ignored SIGUSR1). The kernel still tells whether a
            // new worker was forked, and a refused config forks none: confirmed that way, with a warning.
            if (now is null && time.GetElapsedTime(lastAnswer) > MasterCliPatience && NewChild(child.Pid, before) is { } worker)
            {
                Log.ConfirmedInProc(logger, worker);
                return ReloadOutcome.Success(time.GetElapsedTime(started), before.Reloads + 1, before.Workers);
            }

            if (now is not null && now.FailedReloads > before.FailedReloads)
            {
                await _output.WaitForAsync(mark, l => l.Contains("Loading failure!", StringComparison.Ordinal), FailureLinesLimit, time, cancellationToken);
                return ReloadOutcome.Failure(Alerts(mark), time.GetElapsedTime(started));
            }

            if (now is not null && now.Reloads > before.Reloads && now.Workers.Except(before.Workers).Any())
            {
                return ReloadOutcome.Success(time.GetElapsedTime(started), now.Reloads, before.Workers);
            }

            if (now is null && time.GetElapsedTime(lastAnswer) > WedgeLimit)
            {
                return ReloadOutcome.Failure($"the master answered nothing for {WedgeLimit} and forked no worker", time.GetElapsedTime(started)) with { Wedged = true };
            }

            if (time.GetElapsedTime(started) > ReloadLimit)
            {
                return ReloadOutcome.Failure($"show proc listed no new worker within {ReloadLimit}: {Alerts(mark)}", time.GetElapsedTime(started));
            }

            await Task.WhenAny(child.Exited, Task.Delay(ReloadPoll, time, cancellationToken));
        }

        return ReloadOutcome.Failure($"the HAProxy master exited during the reload: {Alerts(mark)}", time.GetElapsedTime(started));
    }

    // The master's child processes (its workers), from /proc: the fallback when the master CLI stops answering.
    private static List<int> Children(int master)
    {
        try
        {
            return [.. File.ReadAllText($"/proc/{master}/task/{master}/children")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static int? NewChild(int master, MasterProcessList before) =>
        Children(master).Where(p => !before.Workers.Contains(p) && !before.OldWorkers.Contains(p)).Cast<int?>().FirstOrDefault();

    private async Task<MasterProcessList?> TryShowProcAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                return await ShowProcAsync(cancellationToken);
            }
            catch (Exception e) when (e is HAProxySocketException or TimeoutException or FormatException)
            {
                if (time.GetElapsedTime(started) > MasterCliPatience)
                {
                    return null;
                }

                await Task.Delay(ReloadPoll, time, cancellationToken);
            }
        }
    }

    private async Task<T> RetryWhileRefusedAsync<T>(Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                return await send(cancellationToken);
            }
            catch (HAProxySocketException e) when (!e.Connected && time.GetElapsedTime(started) < ReloadLimit)
            {
                await Task.Delay(Poll, time, cancellationToken);
            }
        }
    }
}
