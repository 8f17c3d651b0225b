using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Roster.Agent.Agent;
using Roster.Agent.Blocking;
using Roster.Agent.Catalog;
using Roster.Agent.Checks;
using Roster.Agent.Dns;
using Roster.Agent.Health;
using Roster.Agent.Http;
using Roster.Agent.Kv;
using Roster.Agent.Persistence;
using Roster.Agent.Status;
using Roster.Agent.Ui;

namespace Roster.Agent.Hosting;

/// <summary>Wires the agent into a web host: <c>AddRosterAgent</c> for its services, <c>UseRosterAgent</c> for its HTTP API.</summary>
public static class AgentServiceCollectionExtensions
{
    /// <summary>Registers the agent's state, blocking queries, check runners, reaper and DNS interface.</summary>
    public static IServiceCollection AddRosterAgent(this IServiceCollection services, AgentOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(AgentIdentity.From(options));
        services.AddSingleton(new BlockingOptions());
        services.AddSingleton<IndexCounter>();
        services.AddSingleton<WatchHub>();
        services.AddSingleton<BlockingWait>();
        services.AddSingleton<ResponseCache>();
        var dataDirectory = options.DataDirectory is { } directory ? new DataDirectory(directory) : null;
        services.AddSingleton<IStatePersistence>(dataDirectory is null ? new InMemoryOnly() : dataDirectory);
        services.AddSingleton(provider =>
        {
            var kv = ActivatorUtilities.CreateInstance<KvStore>(provider);
            kv.Restore(dataDirectory?.LoadKv() ?? []);
            return kv;
        });
        services.AddSingleton(provider =>
        {
            // KV first: its restored indexes move the shared counter, so catalog writes come after them.
            provider.GetRequiredService<KvStore>();
            var catalog = ActivatorUtilities.CreateInstance<CatalogStore>(provider);
            NodeBootstrap.Seed(catalog);
            if (dataDirectory is not null)
            {
                catalog.Load(dataDirectory.LoadServices(), dataDirectory.LoadNodeChecks());
            }

            return catalog;
        });
        services.AddSingleton<TtlChecks>();
        services.AddSingleton<ICheckProbe, HttpProbe>();
        services.AddSingleton<ICheckProbe, TcpProbe>();
        services.AddHostedService<CheckRunner>();
        services.AddHostedService<CriticalServiceReaper>();
        if (options.DnsAddress is { } dnsAddress)
        {
            services.AddAgentDns(dnsAddress);
        }

        return services;
    }

    /// <summary>Maps Consul's HTTP API subset, behind the ACL token check when one is configured.</summary>
    public static WebApplication UseRosterAgent(this WebApplication app, AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        app.MapUi(); // Before the token check: the page loads without one, its API calls do not.
        if (options.AclToken is { Length: > 0 } token)
        {
            app.UseMiddleware<AclTokenMiddleware>(token);
        }

        app.MapAgentServiceApi(options);
        app.MapAgentCheckApi(options);
        app.MapAgentSelfApi();
        app.MapAgentHealthApi();
        app.MapCatalogApi();
        app.MapHealthApi();
        app.MapKvApi(options);
        app.MapStatusApi();
        app.MapUnknownPaths();
        return app;
    }
}
