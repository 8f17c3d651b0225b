using System.Collections.Concurrent;
using System.Diagnostics;
using Roster.Testing.Services;

namespace Roster.Bench.Churn;

/// <summary>
/// A few light request loops through the front, each on its own keep-alive connection beside wrk's 50, noting when a
/// web_pid first answers: that is when a new www has converged into HAProxy. wrk cannot tell which instance answered.
/// </summary>
internal sealed class PidSampler : IAsyncDisposable
{
    // More loops sample each instance more often (the error is about one round of the live instances) but load the front.
    private const int Loops = 4;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(10);

    private readonly ConcurrentDictionary<int, TaskCompletionSource<long>> _firstSeen = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private long _replies;
    private long _failures;

    public PidSampler(Uri front) => _loops = [.. Enumerable.Range(0, Loops).Select(_ => Task.Run(() => LoopAsync(front)))];

    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>Requests of the sampler that failed (not counted in wrk's figures): a view of what a plain client sees.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp of the first reply that carried the PID.</summary>
    public Task<long> FirstReplyFrom(int pid) => Entry(pid).Task;

    public bool HasAnswered(int pid) => Entry(pid).Task.IsCompleted;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }

    private TaskCompletionSource<long> Entry(int pid) =>
        _firstSeen.GetOrAdd(pid, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task LoopAsync(Uri front)
    {
        // One connection per loop, so each loop is one client that keeps its connection as a browser would.
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var reply = await WwwReply.GetAsync(http, front).WaitAsync(_stop.Token);
                Entry(reply.WebPid).TrySetResult(Stopwatch.GetTimestamp());
                Interlocked.Increment(ref _replies);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                Interlocked.Increment(ref _failures);

                // The front may be between two HAProxy processes (seed row): do not spin on refused connects.
                await Task.Delay(RetryDelay, CancellationToken.None);
            }
        }
    }
}
