using Roster.Client.Agent;
using Roster.Client.Catalog;
using Roster.Client.Health;
using Roster.Client.Http;
using Roster.Client.Kv;
using Roster.Client.Status;

namespace Roster.Client;

/// <summary>A typed client of Consul's HTTP API (and of <c>roster agent</c>), grouped as Consul groups its endpoints.</summary>
/// <remarks>
/// Blocking queries hold a request for up to <see cref="QueryOptions.Wait"/> plus Consul's jitter of wait/16, so the
/// <see cref="HttpClient.Timeout"/> must exceed the longest wait used (the default 100 s covers the watch's 60 s).
/// </remarks>
public sealed class ConsulClient
{
    /// <summary>Creates a client that sends every request through <paramref name="http"/> to <see cref="ConsulClientOptions.Address"/>.</summary>
    public ConsulClient(HttpClient http, ConsulClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var transport = new ConsulTransport(http, options);
        Options = options;
        Agent = new AgentEndpoint(transport);
        Catalog = new CatalogEndpoint(transport);
        Health = new HealthEndpoint(transport);
        Kv = new KvEndpoint(transport);
        Status = new StatusEndpoint(transport);
    }

    /// <summary>Where the client sends requests and with which token and datacenter.</summary>
    public ConsulClientOptions Options { get; }

    /// <summary>The local agent: service registration and TTL checks.</summary>
    public AgentEndpoint Agent { get; }

    /// <summary>The catalog: services and their instances.</summary>
    public CatalogEndpoint Catalog { get; }

    /// <summary>Health: instances with their checks.</summary>
    public HealthEndpoint Health { get; }

    /// <summary>The key/value store.</summary>
    public KvEndpoint Kv { get; }

    /// <summary>Cluster status.</summary>
    public StatusEndpoint Status { get; }
}
