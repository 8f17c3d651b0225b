using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roster.Agent.Catalog;
using Roster.Agent.Hosting;

namespace Roster.Agent.Dns;

/// <summary>Registers the agent's DNS interface as a hosted service.</summary>
internal static class DnsServiceCollectionExtensions
{
    public static IServiceCollection AddAgentDns(this IServiceCollection services, IPEndPoint address)
    {
        services.AddSingleton(new DnsOptions());
        services.AddSingleton(provider => new DnsResponder(
            provider.GetRequiredService<CatalogStore>(),
            provider.GetRequiredService<AgentIdentity>(),
            provider.GetRequiredService<DnsOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            Random.Shared));
        services.AddSingleton(provider => new AgentDnsServer(
            address, provider.GetRequiredService<DnsResponder>(), provider.GetRequiredService<ILogger<AgentDnsServer>>()));
        services.AddHostedService(provider => provider.GetRequiredService<AgentDnsServer>());
        return services;
    }
}
