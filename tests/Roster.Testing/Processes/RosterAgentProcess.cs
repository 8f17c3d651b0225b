using System.Net;
using System.Text.RegularExpressions;

namespace Roster.Testing.Processes;

/// <summary>A <c>roster agent</c> process on a free loopback port, ready: it has printed the address it bound.</summary>
public sealed partial class RosterAgentProcess : IAsyncDisposable
{
    private RosterAgentProcess(ChildProcess process, Uri url)
    {
        Process = process;
        Url = url;
        var line = process.StandardOutput.FirstOrDefault(l => DnsPart().IsMatch(l));
        DnsEndpoint = line is null ? null : IPEndPoint.Parse(DnsPart().Match(line).Groups["dns"].Value);
    }

    public ChildProcess Process { get; }

    /// <summary>The HTTP API, e.g. http://127.0.0.1:PORT/.</summary>
    public Uri Url { get; }

    /// <summary>The address as CONSUL_HTTP_ADDR spells it: 127.0.0.1:PORT.</summary>
    public string Address => $"{Url.Host}:{Url.Port}";

    /// <summary>The DNS interface from the listening line, e.g. 127.0.0.1:PORT; null when the agent printed none.</summary>
    public IPEndPoint? DnsEndpoint { get; }

    /// <summary>
    /// Starts an agent; <c>-http-addr 127.0.0.1:0</c> and <c>-dns-addr 127.0.0.1:0</c> unless the arguments name an
    /// address, so that parallel agents never contend for Consul's 8500 or 8600.
    /// </summary>
    public static async Task<RosterAgentProcess> StartAsync(params string[] arguments)
    {
        string[] address = arguments.Contains("-http-addr") ? [] : ["-http-addr", "127.0.0.1:0"];
        string[] dns = arguments.Contains("-dns-addr") ? [] : ["-dns-addr", "127.0.0.1:0"];
        var (process, url) = await RosterProcess.StartListeningAsync(["agent", "-dev", .. address, .. dns, .. arguments]);
        return new RosterAgentProcess(process, url);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"listening on http://\S+ \(dns (?<dns>[^,)]+)")]
    private static partial Regex DnsPart();
}
