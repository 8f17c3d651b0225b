namespace Roster.Testing.Processes;

/// <summary>Whether a process that is not our child still runs, read from /proc.</summary>
public static class ProcessLiveness
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    /// <summary>A zombie counts as gone: PID 1 in these containers does not reap, so orphans stay zombies.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] != "Z";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until every one of <paramref name="pids"/> is gone; false if one is still running after <paramref name="limit"/>.
    /// A process that is not our child gives no exit signal we can await, so /proc is polled.
    /// </summary>
    public static async Task<bool> WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan limit)
    {
        var all = pids.ToList();
        using var deadline = new CancellationTokenSource(limit);
        while (all.Any(IsRunning))
        {
            if (deadline.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(Poll, CancellationToken.None);
        }

        return true;
    }
}
