using System.Net;
using Microsoft.Extensions.Logging;
using Roster.Agent.Hosting;

namespace Roster.Ui.Tests.Endpoints;

/// <summary>
/// An in-process agent on a loopback port, and a client that does not follow redirects (the tests look at them).
/// As a class fixture it is one agent without a token for every test of the class; the files it serves never change.
/// </summary>
public sealed class UiAgent : IAsyncLifetime
{
    private readonly string? _aclToken;
    private AgentHost? _host;
    private HttpClient? _http;

    public UiAgent()
    {
    }

    private UiAgent(string aclToken) => _aclToken = aclToken;

    public HttpClient Http => _http ?? throw new InvalidOperationException("the agent is not started");

    /// <summary>An agent of its own that wants <paramref name="aclToken"/> on its API.</summary>
    public static async Task<UiAgent> StartAsync(string aclToken)
    {
        var agent = new UiAgent(aclToken);
        await agent.InitializeAsync();
        return agent;
    }

    public async Task InitializeAsync()
    {
        var options = new AgentOptions { HttpAddress = new IPEndPoint(IPAddress.Loopback, 0), AclToken = _aclToken };
        _host = AgentHost.Create(options, logging: logging => logging.ClearProviders());
        var url = await _host.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = url };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
