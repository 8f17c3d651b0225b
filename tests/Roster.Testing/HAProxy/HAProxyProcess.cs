using Roster.Testing.Network;
using Roster.Testing.Processes;

namespace Roster.Testing.HAProxy;

/// <summary>A real HAProxy in the foreground, started on a config written into a run directory; ready once its frontend accepts.</summary>
public sealed class HAProxyProcess : IAsyncDisposable
{
    private static readonly TimeSpan StatsPollDelay = TimeSpan.FromMilliseconds(25);

    private readonly HttpClient _statsClient;

    private HAProxyProcess(ChildProcess process, Uri url)
    {
        Process = process;
        Url = url;
        _statsClient = new HttpClient { BaseAddress = url, Timeout = Timeouts.Ready };
    }

    public ChildProcess Process { get; }

    /// <summary>The frontend, e.g. http://127.0.0.1:PORT/.</summary>
    public Uri Url { get; }

    /// <param name="config">The whole configuration text.</param>
    /// <param name="frontendPort">The port its frontend binds, polled for readiness.</param>
    /// <param name="runDirectory">Where the config file goes.</param>
    public static async Task<HAProxyProcess> StartAsync(string config, int frontendPort, RunDirectory runDirectory)
    {
        ArgumentNullException.ThrowIfNull(runDirectory);
        var path = runDirectory.File("haproxy.cfg");
        await File.WriteAllTextAsync(path, config);

        // -db: stay in the foreground, so the process is ours to watch and kill.
        var process = ChildProcess.Start(HAProxyBinary.Path, ["-db", "-f", path], runDirectory.Path);
        try
        {
            await PortProbe.WaitUntilListeningAsync(frontendPort, () => process.HasExited);
        }
        catch (TimeoutException e)
        {
            await process.DisposeAsync();
            throw new TimeoutException($"{e.Message}\n{process.Describe()}", e);
        }

        return new HAProxyProcess(process, new Uri($"http://127.0.0.1:{frontendPort}/"));
    }

    /// <summary>Reads the stats page as CSV (the config must have <c>stats uri /admin?stats</c>).</summary>
    public async Task<IReadOnlyList<StatRow>> GetStatsAsync() =>
        StatRow.ParseCsv(await _statsClient.GetStringAsync("admin?stats;csv"));

    /// <summary>Waits until every named server of a backend shows the status, e.g. after its health checks ran.</summary>
    public async Task WaitForServersAsync(string backend, string status, params string[] servers)
    {
        using var deadline = new CancellationTokenSource(Timeouts.Ready);
        IReadOnlyList<StatRow> rows = [];
        while (!deadline.IsCancellationRequested)
        {
            rows = await GetStatsAsync();
            if (servers.All(s => rows.Any(r => r.Proxy == backend && r.Name == s && r.Status == status)))
            {
                return;
            }

            // HAProxy offers no push notification of check results; the stats page is polled.
            await Task.Delay(StatsPollDelay, CancellationToken.None);
        }

        var seen = string.Join(", ", rows.Where(r => r.Proxy == backend).Select(r => $"{r.Name}={r.Status}"));
        throw new TimeoutException($"{backend}/[{string.Join(',', servers)}] never became {status}; last seen: {seen}\n{Process.Describe()}");
    }

    public async ValueTask DisposeAsync()
    {
        _statsClient.Dispose();
        await Process.DisposeAsync();
    }
}
