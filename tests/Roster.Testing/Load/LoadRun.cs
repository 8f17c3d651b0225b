using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Roster.Testing.Load;

/// <summary>
/// A bounded load: a fixed number of keep-alive clients send a fixed total of GETs through
/// <see cref="StrictHttpConnection"/>s, recording every reply and every failure. Tests act at a milestone
/// (<see cref="WhenCompletedAsync"/>) while the load goes on, then assert on the <see cref="LoadResult"/>.
/// </summary>
public sealed class LoadRun
{
    private readonly IPEndPoint _target;
    private readonly string _path;
    private readonly int _requests;
    private readonly ConcurrentQueue<StrictHttpResponse> _responses = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _milestones = new();
    private int _issued;
    private int _completed;

    private LoadRun(IPEndPoint target, string path, int requests)
    {
        _target = target;
        _path = path;
        _requests = requests;
    }

    /// <summary>Completes with the result once every request has been answered or has failed.</summary>
    public Task<LoadResult> Completion { get; private set; } = null!;

    public static LoadRun Start(Uri target, int clients, int requests)
    {
        ArgumentNullException.ThrowIfNull(target);
        var run = new LoadRun(new IPEndPoint(IPAddress.Parse(target.Host.Trim('[', ']')), target.Port), target.PathAndQuery, requests);
        run.Completion = run.RunAsync(clients);
        return run;
    }

    /// <summary>Completes once <paramref name="count"/> requests have finished, answered or failed.</summary>
    public Task WhenCompletedAsync(int count)
    {
        var milestone = _milestones.GetOrAdd(count, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Volatile.Read(ref _completed) >= count)
        {
            milestone.TrySetResult();
        }

        return milestone.Task;
    }

    private async Task<LoadResult> RunAsync(int clients)
    {
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(ClientAsync)));
        return new LoadResult([.. _responses], [.. _failures]);
    }

    private async Task ClientAsync()
    {
        StrictHttpConnection? connection = null;
        try
        {
            while (Interlocked.Increment(ref _issued) <= _requests)
            {
                using var timeout = new CancellationTokenSource(Timeouts.Ready);
                try
                {
                    connection ??= await StrictHttpConnection.OpenAsync(_target, timeout.Token);
                    var response = await connection.GetAsync(_path, timeout.Token);
                    _responses.Enqueue(response);
                    if (response.Status is < 200 or > 299)
                    {
                        _failures.Enqueue($"HTTP {response.Status}: {response.Body}");
                    }

                    if (!connection.IsReusable)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    _failures.Enqueue($"{e.GetType().Name}: {e.Message}");
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }

                if (_milestones.TryGetValue(Interlocked.Increment(ref _completed), out var milestone))
                {
                    milestone.TrySetResult();
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}

/// <summary>What a load run saw: every complete reply (any status) and every failure (non-2xx, drop, timeout).</summary>
public sealed record LoadResult(IReadOnlyList<StrictHttpResponse> Responses, IReadOnlyList<string> Failures);
