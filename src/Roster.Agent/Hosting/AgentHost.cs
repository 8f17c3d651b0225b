using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roster.Agent.Dns;

namespace Roster.Agent.Hosting;

/// <summary>Runs the embedded Consul-compatible agent: its HTTP API on Kestrel, its DNS interface, its check runners and its reaper.</summary>
public sealed class AgentHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AgentOptions _options;

    private AgentHost(WebApplication app, AgentOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>The services the agent runs on, for tests that swap the clock.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the agent; <paramref name="timeProvider"/> replaces the system clock (tests pass a fake one).</summary>
    public static AgentHost Create(AgentOptions options, TimeProvider? timeProvider = null, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.HttpAddress);
            kestrel.AddServerHeader = false;
            // Slow or stalled clients (slowloris) must not hold the agent: headers must arrive within 10 s (Kestrel: 30),
            // and a body must keep coming at 240 B/s after a 5 s grace. A held blocking query sends its request at once
            // and then only waits for the answer, which neither limit touches.
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
            // The handlers answer 413 with Consul's text at MaxBodyBytes (Consul's KV limit, 512 KiB, also used for
            // registrations, which are a few KiB even with 64 meta pairs). Kestrel's own cap is the outer bound for
            // endpoints that read no body: twice that, not its default 30 MB.
            kestrel.Limits.MaxRequestBodySize = 2L * options.MaxBodyBytes;
            // Watchers hold one connection per blocking query, so the cap is high; it bounds file descriptors, and the
            // header timeout above frees the slots a slowloris takes.
            kestrel.Limits.MaxConcurrentConnections = 10_000;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        logging?.Invoke(builder.Logging);
        builder.Services.TryAddSingleton(timeProvider ?? TimeProvider.System);
        builder.Services.AddRosterAgent(options);

        var app = builder.Build();
        app.UseRosterAgent(options);
        return new AgentHost(app, options);
    }

    /// <summary>Starts listening and returns the HTTP API's address (the real port when 0 was asked).</summary>
    /// <exception cref="IOException">The address is taken; <see cref="AddressInUseException"/> is its inner exception.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The DNS address is taken (AddressAlreadyInUse).</exception>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken);
        return new Uri(_app.Urls.Single());
    }

    /// <summary>Completes once the host has stopped, after SIGINT, SIGTERM or <paramref name="cancellationToken"/>.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Where the DNS interface listens once started (the real port when 0 was asked); null when it is off.</summary>
    public IPEndPoint? DnsEndpoint => _app.Services.GetService<AgentDnsServer>()?.LocalEndpoint;

    /// <summary>The address as configured, for messages.</summary>
    public IPEndPoint HttpAddress => _options.HttpAddress;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
