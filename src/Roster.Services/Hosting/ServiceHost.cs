using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roster.Client;
using Roster.Services.Health;
using Roster.Services.Json;

namespace Roster.Services.Hosting;

/// <summary>Runs one service on Kestrel: binds the requested address, serves, and stops on SIGINT/SIGTERM.</summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServiceHostOptions _options;

    private ServiceHost(WebApplication app, ServiceHostOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>Builds the host for a service; nothing listens until <see cref="StartAsync"/>.</summary>
    public static ServiceHost Create(ServiceDefinition service, ServiceHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);

        // No args: a service is configured by its command line flags only, never by ASPNETCORE_URLS and the like.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Bind, options.Port));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        // Kestrel's own start-up lines would repeat the one line the CLI prints; keep framework logs to warnings.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // HttpClient logs every call at Information: www would log each request twice over.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // A port in use is reported by StartAsync as one line; the host would also log it with a stack trace.
        // A faulted background service still shows: the host logs that at Critical before it stops.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // One registry client for registration and discovery alike. Blocking queries last up to their wait plus
        // Consul's jitter, so its HttpClient must outlast them.
        var consul = options.Consul ?? ConsulClientOptions.FromEnvironment();
        builder.Services.AddSingleton(consul);
        builder.Services.AddSingleton(_ => new ConsulClient(new HttpClient { Timeout = TimeSpan.FromMinutes(2) }, consul));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServicesJsonContext.Default));
        service.AddServices(builder, options);

        var app = builder.Build();
        app.MapHealth();
        service.MapEndpoints(app);
        return new ServiceHost(app, options);
    }

    /// <summary>Starts listening and returns the address actually bound (the real port when 0 was asked).</summary>
    /// <exception cref="PortInUseException">Another socket holds the address.</exception>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await _app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            throw new PortInUseException(new IPEndPoint(_options.Bind, _options.Port), e);
        }

        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    /// <summary>Completes once the host has stopped, after SIGINT, SIGTERM or <paramref name="cancellationToken"/>.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
