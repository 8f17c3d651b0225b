using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;
using Roster.Client.Watch;

namespace Roster.Client.Discovery;

/// <summary>Service discovery for HttpClient from a Consul-compatible registry: <c>http://data</c> means "a passing instance of data".</summary>
public static class DiscoveryServiceCollectionExtensions
{
    /// <summary>
    /// Resolves service names through the registry's health endpoint (passing instances only), pushed by blocking queries.
    /// The registry is <paramref name="options"/>, else a <see cref="ConsulClientOptions"/> registered in the container,
    /// else CONSUL_HTTP_ADDR / CONSUL_HTTP_TOKEN.
    /// </summary>
    public static IServiceCollection AddConsulServiceDiscovery(this IServiceCollection services, ConsulClientOptions? options = null)
    {
        services.AddServiceDiscoveryCore();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ConsulClient(
            // Blocking queries last up to the watch's wait plus Consul's jitter; the client must outlast them.
            new HttpClient { Timeout = TimeSpan.FromMinutes(2) },
            options ?? provider.GetService<ConsulClientOptions>() ?? ConsulClientOptions.FromEnvironment()));
        services.TryAddSingleton(provider => new ConsulWatch(provider.GetRequiredService<TimeProvider>(), provider.GetService<ILogger<ConsulWatch>>()));
        services.TryAddSingleton<PassingInstances>();
        services.AddSingleton<IServiceEndpointProviderFactory, ConsulEndpointProviderFactory>();
        return services;
    }

    /// <summary>Picks a random passing instance per request and fails over on a refused connection.</summary>
    public static IHttpClientBuilder AddRandomInstances(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddTransient<RandomInstanceHandler>();
        return builder.AddHttpMessageHandler<RandomInstanceHandler>();
    }
}
