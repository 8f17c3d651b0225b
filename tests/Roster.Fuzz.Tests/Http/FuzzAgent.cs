using System.Net;
using Microsoft.Extensions.Logging;
using Roster.Agent.Hosting;

namespace Roster.Fuzz.Tests.Http;

/// <summary>An in-process agent on a free loopback port, on the real clock (blocking waits must end by themselves).</summary>
internal sealed class FuzzAgent : IAsyncDisposable
{
    private readonly AgentHost _host;

    private FuzzAgent(AgentHost host, IPEndPoint http)
    {
        _host = host;
        Http = http;
    }

    public IPEndPoint Http { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<FuzzAgent> StartAsync(Func<AgentOptions, AgentOptions>? configure = null, Action<ILoggingBuilder>? logging = null)
    {
        var options = new AgentOptions { HttpAddress = new IPEndPoint(IPAddress.Loopback, 0), NodeName = "fuzz" };
        var host = AgentHost.Create(configure is null ? options : configure(options), logging: logging ?? (l => l.ClearProviders()));
        var url = await host.StartAsync();
        return new FuzzAgent(host, new IPEndPoint(IPAddress.Loopback, url.Port));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
