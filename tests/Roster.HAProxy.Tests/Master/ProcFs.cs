namespace Roster.HAProxy.Tests.Master;

/// <summary>What /proc says about a PID: the only view of processes the tests did not start themselves.</summary>
internal static class ProcFs
{
    /// <summary>
    /// Alive unless /proc has no entry or shows a zombie: PID 1 on this machine does not reap orphans, so a worker whose
    /// master is gone can stay a zombie, which runs nothing and holds no socket.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>Waits until none of <paramref name="pids"/> is alive; false after <paramref name="limit"/>.</summary>
    public static async Task<bool> WaitUntilGoneAsync(IEnumerable<int> pids, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (pids.Any(IsAlive))
        {
            if (deadline.IsCancellationRequested)
            {
                return false;
            }

            // A process we are not the parent of gives no exit signal to await; /proc is polled.
            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }

        return true;
    }
}
