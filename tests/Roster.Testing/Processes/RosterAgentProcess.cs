namespace Roster.Testing.Processes;

/// <summary>A <c>roster agent</c> process on a free loopback port, ready: it has printed the address it bound.</summary>
public sealed class RosterAgentProcess : IAsyncDisposable
{
    private RosterAgentProcess(ChildProcess process, Uri url)
    {
        Process = process;
        Url = url;
    }

    public ChildProcess Process { get; }

    /// <summary>The HTTP API, e.g. http://127.0.0.1:PORT/.</summary>
    public Uri Url { get; }

    /// <summary>The address as CONSUL_HTTP_ADDR spells it: 127.0.0.1:PORT.</summary>
    public string Address => $"{Url.Host}:{Url.Port}";

    /// <summary>Starts an agent; <c>-http-addr 127.0.0.1:0</c> unless the arguments name an address.</summary>
    public static async Task<RosterAgentProcess> StartAsync(params string[] arguments)
    {
        string[] address = arguments.Contains("-http-addr") ? [] : ["-http-addr", "127.0.0.1:0"];
        var (process, url) = await RosterProcess.StartListeningAsync(["agent", "-dev", .. address, .. arguments]);
        return new RosterAgentProcess(process, url);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
