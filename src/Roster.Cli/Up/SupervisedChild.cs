namespace Roster.Cli.Up;

/// <summary>
/// The agent or the load balancer under <c>roster up</c>: started, awaited until it serves, and started again if it
/// dies (services re-register with a restarted agent on their own), until the supervisor stops it.
/// </summary>
internal sealed class SupervisedChild(
    string name, IReadOnlyList<string> arguments, string readyPrefix, string logDirectory, UpConsole console, TimeProvider time)
    : IAsyncDisposable
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource<string> _firstReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private ChildProcess? _current;
    private Task _running = Task.CompletedTask;

    /// <summary>Starts it and returns the line it printed once it served; throws <see cref="ChildFailedException"/> if the first start fails.</summary>
    public Task<string> StartAsync(CancellationToken cancellationToken)
    {
        _running = KeepRunningAsync(_stop.Token);
        return _firstReady.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops it for good (SIGTERM through its stdin, SIGKILL if it will not go); safe to call twice.</summary>
    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            await _running;
            return;
        }

        await _stop.CancelAsync();
        await _running;
        if (Volatile.Read(ref _current) is { } child)
        {
            console.Line($"stopping {name} (pid {child.Pid})");
            await child.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task KeepRunningAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var child = ChildProcess.Start(name, arguments, readyPrefix, logDirectory, time);
                Volatile.Write(ref _current, child);
                console.Line($"started {name} (pid {child.Pid})");
                try
                {
                    _firstReady.TrySetResult(await child.WaitUntilReadyAsync(stop));
                }
                catch (ChildFailedException e) when (!_firstReady.Task.IsCompleted)
                {
                    // The first start decides whether roster up can run at all (a port in use, HAProxy missing).
                    _firstReady.TrySetException(e);
                    return;
                }
                catch (ChildFailedException)
                {
                }

                var code = await child.Exited.WaitAsync(stop);
                console.Line($"{name} (pid {child.Pid}) exited with code {code}; starting it again");
                await child.DisposeAsync();
                await Task.Delay(RestartDelay, time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
