using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Roster.Client.Registration;

/// <summary>Adds self-registration with the Consul agent to a host.</summary>
public static class ServiceRegistrationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the service once the server has started, keeps its TTL check passing, registers it again when the agent forgot it,
    /// and deregisters it when the host starts stopping, before in-flight requests drain. Uses the <see cref="ConsulClient"/> and
    /// <see cref="TimeProvider"/> of the container, adding ones from <c>CONSUL_HTTP_ADDR</c>/<c>CONSUL_HTTP_TOKEN</c> and the system clock if absent.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (no name, non-positive durations, a port out of range).</exception>
    public static IServiceCollection AddServiceRegistration(this IServiceCollection services, ServiceRegistrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        // The client lives as long as the host, so its HttpClient does too; whoever needs other settings registers their own first.
        services.TryAddSingleton(_ => new ConsulClient(new HttpClient(), ConsulClientOptions.FromEnvironment()));
        // Not AddHostedService: that adds one registrar per type, and a host may register several services.
        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<ServiceRegistrar>(provider, options));
        return services;
    }
}
