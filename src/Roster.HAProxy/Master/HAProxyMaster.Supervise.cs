namespace Roster.HAProxy.Master;

internal sealed partial class HAProxyMaster
{
    private static readonly TimeSpan MinRestartDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(5);

    // A master that ran this long before dying gets the shortest restart delay again: it was not crash-looping.
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(30);

    private string? _refused;

    // A master that dies (crash, kill -9) is started again, on the newest config that HAProxy did not refuse.
    private async Task SuperviseAsync(HAProxyChild child, CancellationToken stopping)
    {
        var delay = MinRestartDelay;
        while (true)
        {
            var launched = time.GetTimestamp();
            var code = await child.Exited;
            if (stopping.IsCancellationRequested)
            {
                return;
            }

            Log.Died(logger, code);
            if (time.GetElapsedTime(launched) > StableRun)
            {
                delay = MinRestartDelay;
            }

            HAProxyChild? next = null;
            while (next is null)
            {
                try
                {
                    await Task.Delay(delay, time, stopping);
                    next = await RestartAsync(stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Whatever went wrong, this loop must live on: it is the only thing that brings HAProxy back.
                    Log.RestartFailed(logger, e.Message, delay);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRestartDelay.Ticks));
                }
            }

            child = next;
            Interlocked.Increment(ref _restarts);
            Restarted?.Invoke(child.Pid);
        }
    }

    private async Task<HAProxyChild> RestartAsync(CancellationToken stopping)
    {
        await _gate.WaitAsync(stopping);
        try
        {
            stopping.ThrowIfCancellationRequested();

            // The source file holds the current servers: roster rewrites it (validated) after each Runtime API change.
            // Only a config HAProxy refused on reload stays out; then the live copy is the last one it accepted.
            var source = await File.ReadAllTextAsync(_sourcePath, stopping);
            if (source != _refused)
            {
                await WriteLiveConfigAsync(source, stopping);
            }

            var next = await LaunchAsync(stopping);
            Interlocked.Exchange(ref _child, next)?.Dispose();
            Log.Started(logger, next.Pid, LiveConfigPath);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }
}
