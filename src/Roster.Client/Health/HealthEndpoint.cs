using Roster.Client.Http;
using Roster.Protocol;
using Roster.Protocol.Health;

namespace Roster.Client.Health;

/// <summary>The health endpoints (<c>/v1/health/*</c>); they block on <see cref="QueryOptions.Index"/>.</summary>
public sealed class HealthEndpoint
{
    private readonly ConsulTransport _transport;

    internal HealthEndpoint(ConsulTransport transport) => _transport = transport;

    /// <summary>
    /// The instances of a service with their node and checks (<c>GET /v1/health/service/:name</c>); <paramref name="passingOnly"/> drops
    /// any instance with a check that is not passing (warning too), <paramref name="tags"/> keeps instances carrying all of them.
    /// </summary>
    public Task<QueryResult<IReadOnlyList<CheckServiceNode>>> ServiceAsync(
        string service, bool passingOnly = false, IReadOnlyList<string>? tags = null, QueryOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        var query = new List<KeyValuePair<string, string>>();
        if (passingOnly)
        {
            // Go's api client sends passing=1; Consul parses it as a Go bool.
            query.Add(new(ConsulQuery.Passing, "1"));
        }

        query.AddRange((tags ?? []).Select(tag => new KeyValuePair<string, string>(ConsulQuery.Tag, tag)));
        return _transport.GetAsync<IReadOnlyList<CheckServiceNode>>(
            "/v1/health/service/" + ConsulTransport.EscapeSegment(service), query, options, cancellationToken);
    }
}
