using System.Threading.Channels;
using Roster.Client;
using Roster.Client.Watch;
using Roster.Protocol.Health;

namespace Roster.HAProxy.Controller;

/// <summary>
/// The passing instances of one service, kept fresh by a blocking watch. Each new answer replaces the latest set and
/// sets one dirty signal: however many answers arrive while a reconcile runs, the next one reads only the newest.
/// When the registry is unreachable no answer comes, and HAProxy keeps the servers it has; when it restarts and
/// answers empty, the servers it had stay through a <see cref="RestartGrace"/> while the running services register again.
/// </summary>
internal sealed class InstanceFeed : IDisposable
{
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly string _service;
    private readonly ConsulClient _consul;
    private readonly ConsulWatch _watch;
    private readonly RestartGrace _grace;
    private readonly TimeProvider _time;
    private IReadOnlyList<CheckServiceNode>? _latest;
    private volatile bool _failed;

    public InstanceFeed(string service, ConsulClient consul, ConsulWatch watch, TimeProvider time)
    {
        _service = service;
        _consul = consul;
        _watch = watch;
        _time = time;
        // Written under the same lock as an answer, so whichever comes last was computed from the newest state.
        _grace = new RestartGrace(time, () =>
        {
            lock (_gate)
            {
                Volatile.Write(ref _latest, _grace!.Current);
            }

            _dirty.Writer.TryWrite(true);
        });
    }

    /// <summary>The newest answer; null before the first.</summary>
    public IReadOnlyList<CheckServiceNode>? Latest => Volatile.Read(ref _latest);

    /// <summary>Completes with the first answer (or when <paramref name="patience"/> runs out, then Latest stays null).</summary>
    public async Task WaitForFirstAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        try
        {
            await _first.Task.WaitAsync(patience, _time, cancellationToken);
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
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan max, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (max - _time.GetElapsedTime(started) is var left && left > TimeSpan.Zero)
        {
            using var window = new CancellationTokenSource(quiet < left ? quiet : left, _time);
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
            await foreach (var result in _watch.WatchAsync(
                $"health.service({_service}|passing)",
                FetchAsync,
                cancellationToken: cancellationToken))
            {
                lock (_gate)
                {
                    Volatile.Write(ref _latest, _grace.Apply(result.LastIndex, result.Value ?? [], afterFailure: _failed));
                    _failed = false;
                }

                _first.TrySetResult();
                _dirty.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public void Dispose() => _grace.Dispose();

    // The watch retries failures on its own; the grace needs to know one happened (the registry may have restarted).
    private async Task<QueryResult<IReadOnlyList<CheckServiceNode>>> FetchAsync(QueryOptions query, CancellationToken cancellationToken)
    {
        try
        {
            return await _consul.Health.ServiceAsync(_service, passingOnly: true, options: query, cancellationToken: cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _failed = true;
            throw;
        }
    }
}
