using System.Net;
using Roster.Agent.Hosting;

namespace Roster.Client.Tests.Integration;

/// <summary>A real in-process <c>roster agent</c> on a free loopback port, and a <see cref="ConsulClient"/> pointed at it.</summary>
internal sealed class RunningAgent : IAsyncDisposable
{
    private readonly AgentHost _host;
    private readonly HttpClient _http;

    private RunningAgent(AgentHost host, HttpClient http, ConsulClient client)
    {
        _host = host;
        _http = http;
        Client = client;
    }

    public ConsulClient Client { get; }

    public static async Task<RunningAgent> StartAsync(string? aclToken = null, string? clientToken = null)
    {
        var host = AgentHost.Create(new AgentOptions { HttpAddress = new IPEndPoint(IPAddress.Loopback, 0), AclToken = aclToken });
        var address = await host.StartAsync();
        var http = new HttpClient();
        return new RunningAgent(host, http, new ConsulClient(http, new ConsulClientOptions { Address = address, Token = clientToken }));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }
}
