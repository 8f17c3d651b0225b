using System.Text.RegularExpressions;
using Roster.Testing.Repository;

namespace Roster.Testing.Processes;

/// <summary>A <c>roster agent</c> process on a free loopback port, ready: it has printed the address it bound.</summary>
public sealed partial class RosterAgentProcess : IAsyncDisposable
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
        var process = ChildProcess.Start(RosterBinary.Path, ["agent", "-dev", .. address, .. arguments]);
        try
        {
            var line = await process.WaitForLineAsync(l => ListeningLine().IsMatch(l));
            return new RosterAgentProcess(process, new Uri(ListeningLine().Match(line).Groups["url"].Value));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"agent listening on (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
