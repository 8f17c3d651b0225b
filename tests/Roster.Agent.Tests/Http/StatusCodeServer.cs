using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Roster.Agent.Tests.Http;

/// <summary>A loopback HTTP server for HTTP checks to probe: answers every request with one status code and a body.</summary>
internal sealed class StatusCodeServer : IAsyncDisposable
{
    public const string Body = "probe-body";

    private readonly WebApplication _app;
    private int _hits;
    private string? _userAgent;

    private StatusCodeServer(WebApplication app) => _app = app;

    /// <summary>The URL to give the check.</summary>
    public string Url { get; private set; } = "";

    public int Hits => Volatile.Read(ref _hits);

    public string? LastUserAgent => Volatile.Read(ref _userAgent);

    public static async Task<StatusCodeServer> StartAsync(int statusCode)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new StatusCodeServer(app);
        app.Run(async context =>
        {
            Volatile.Write(ref server._userAgent, context.Request.Headers.UserAgent.ToString());
            Interlocked.Increment(ref server._hits);
            context.Response.StatusCode = statusCode;
            await context.Response.WriteAsync(Body);
        });
        await app.StartAsync();
        server.Url = new Uri(new Uri(app.Urls.Single()), "/health").ToString();
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
