namespace Roster.Testing.Processes;

/// <summary>A <c>roster service NAME 0</c> process, ready: it has printed the port it bound.</summary>
public sealed class RosterService : IAsyncDisposable
{
    private RosterService(ChildProcess process, Uri url)
    {
        Process = process;
        Url = url;
    }

    public ChildProcess Process { get; }

    /// <summary>Where the service listens, with the real port.</summary>
    public Uri Url { get; }

    public int Port => Url.Port;

    public int Pid => Process.Pid;

    public static async Task<RosterService> StartAsync(string name, params string[] extraArguments)
    {
        var (process, url) = await RosterProcess.StartListeningAsync(["service", name, "0", .. extraArguments]);
        return new RosterService(process, url);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
