using System.Threading.Channels;
using Roster.Client;
using Roster.Client.Watch;
using Roster.Protocol.Health;

namespace Roster.HAProxy.Controller;

/// <summary>
/// The passing instances of one service, kept fresh by a blocking watch. Each new answer replaces the latest set and
/// sets one dirty signal: however many answers arrive while a reconcile runs, the next one reads only the newest.
/// When the registry is unreachable no answer comes, and HAProxy keeps the servers it has.
/// </summary>
internal sealed class InstanceFeed(string service, ConsulClient consul, ConsulWatch watch)
{
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<CheckServiceNode>? _latest;

    /// <summary>The newest answer; null before the first.</summary>
    public IReadOnlyList<CheckServiceNode>? Latest => Volatile.Read(ref _latest);

    /// <summary>Completes with the first answer (or when <paramref name="patience"/> runs out, then Latest stays null).</summary>
    public async Task WaitForFirstAsync(TimeSpan patience, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await _first.Task.WaitAsync(patience, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The registry is not answering yet: start with what we have, the watch fills in later.
        }
    }

    /// <summary>Waits until something newer than the last read has arrived.</summary>
    public async Task WaitForChangeAsync(CancellationToken cancellationToken) => await _dirty.Reader.ReadAsync(cancellationToken);

    /// <summary>
    /// After a change: waits until none newer has come for <paramref name="quiet"/>, but no longer than
    /// <paramref name="max"/> in all, so a burst of registry changes costs one reload rather than one each.
    /// </summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan max, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (max - time.GetElapsedTime(started) is var left && left > TimeSpan.Zero)
        {
            using var window = new CancellationTokenSource(quiet < left ? quiet : left, time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(window.Token, cancellationToken);
            try
            {
                await _dirty.Reader.ReadAsync(either.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Asks for another pass over the latest answer (after a failed apply).</summary>
    public void MarkDirty() => _dirty.Writer.TryWrite(true);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var result in watch.WatchAsync(
                $"health.service({service}|passing)",
                (q, ct) => consul.Health.ServiceAsync(service, passingOnly: true, options: q, cancellationToken: ct),
                cancellationToken: cancellationToken))
            {
                Volatile.Write(ref _latest, result.Value);
                _first.TrySetResult();
                _dirty.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
