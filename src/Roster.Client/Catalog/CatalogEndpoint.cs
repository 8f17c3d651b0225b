using Roster.Client.Http;
using Roster.Protocol;
using Roster.Protocol.Catalog;

namespace Roster.Client.Catalog;

/// <summary>The catalog's endpoints (<c>/v1/catalog/*</c>); both block on <see cref="QueryOptions.Index"/>.</summary>
public sealed class CatalogEndpoint
{
    private readonly ConsulTransport _transport;

    internal CatalogEndpoint(ConsulTransport transport) => _transport = transport;

    /// <summary>Every service name with the union of its instances' tags (<c>GET /v1/catalog/services</c>).</summary>
    public Task<QueryResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>> ServicesAsync(
        QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<IReadOnlyDictionary<string, IReadOnlyList<string>>>("/v1/catalog/services", [], options, cancellationToken);

    /// <summary>The instances of a service, optionally only those carrying all <paramref name="tags"/> (<c>GET /v1/catalog/service/:name</c>).</summary>
    public Task<QueryResult<IReadOnlyList<ServiceNode>>> ServiceAsync(
        string service, IReadOnlyList<string>? tags = null, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        var query = (tags ?? []).Select(tag => new KeyValuePair<string, string>(ConsulQuery.Tag, tag));
        return _transport.GetAsync<IReadOnlyList<ServiceNode>>(
            "/v1/catalog/service/" + ConsulTransport.EscapeSegment(service), query, options, cancellationToken);
    }

    /// <summary>Every node of the datacenter (<c>GET /v1/catalog/nodes</c>).</summary>
    public Task<QueryResult<IReadOnlyList<Node>>> NodesAsync(QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<IReadOnlyList<Node>>("/v1/catalog/nodes", [], options, cancellationToken);

    /// <summary>One node and its service instances (<c>GET /v1/catalog/node/:node</c>); null when the node is unknown, as Consul answers.</summary>
    public Task<QueryResult<CatalogNode?>> NodeAsync(string node, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        return _transport.GetAsync<CatalogNode?>(
            "/v1/catalog/node/" + ConsulTransport.EscapeSegment(node), [], options, cancellationToken, allowNull: true);
    }
}
