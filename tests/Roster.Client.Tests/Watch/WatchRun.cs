using System.Threading.Channels;
using Roster.Client.Watch;

namespace Roster.Client.Tests.Watch;

/// <summary>Runs a watch in the background and queues what it publishes; disposing stops it.</summary>
internal sealed class WatchRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<QueryResult<string>> _published = Channel.CreateUnbounded<QueryResult<string>>();
    private readonly Task _pump;

    public WatchRun(ConsulWatch watch, ScriptedFetch fetch, QueryOptions? options = null) =>
        _pump = PumpAsync(watch.WatchAsync("test", fetch.FetchAsync, options, _stop.Token));

    public Task Completion => _pump;

    public async Task<QueryResult<string>> NextAsync() => await _published.Reader.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

    public bool HasUnread => _published.Reader.TryPeek(out _);

    public void Stop() => _stop.Cancel();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task PumpAsync(IAsyncEnumerable<QueryResult<string>> results)
    {
        // Off the test's thread, so the watch runs while the test drives the fake clock and answers fetches.
        await Task.Yield();
        await foreach (var result in results)
        {
            _published.Writer.TryWrite(result);
        }
    }
}
