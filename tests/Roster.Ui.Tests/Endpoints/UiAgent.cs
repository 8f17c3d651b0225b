using System.Net;
using Microsoft.Extensions.Logging;
using Roster.Agent.Hosting;

namespace Roster.Ui.Tests.Endpoints;

/// <summary>An in-process agent on a loopback port, and a client that does not follow redirects (the tests look at them).</summary>
internal sealed class UiAgent : IAsyncDisposable
{
    private readonly AgentHost _host;

    private UiAgent(AgentHost host, HttpClient http)
    {
        _host = host;
        Http = http;
    }

    public HttpClient Http { get; }

    public static async Task<UiAgent> StartAsync(string? aclToken = null)
    {
        var options = new AgentOptions { HttpAddress = new IPEndPoint(IPAddress.Loopback, 0), AclToken = aclToken };
        var host = AgentHost.Create(options, logging: logging => logging.ClearProviders());
        var url = await host.StartAsync();
#pragma warning disable CA2000 // The client is owned by the returned agent and disposed with it.
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = url };
#pragma warning restore CA2000
        return new UiAgent(host, http);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}
