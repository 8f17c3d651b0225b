using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Roster.Client.Tests.Discovery;

/// <summary>A loopback HTTP server that answers every request with its own name, to see which instance served.</summary>
internal sealed class NamedBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private NamedBackend(WebApplication app, string name, int port)
    {
        _app = app;
        Name = name;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public static async Task<NamedBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => TypedResults.Text(name));
        await app.StartAsync();
        return new NamedBackend(app, name, new Uri(app.Urls.Single()).Port);
    }

    /// <summary>Stops the server; safe to call again (a test may stop it early to simulate a dead instance).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _app.DisposeAsync();
        }
    }
}
