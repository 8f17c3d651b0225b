using Roster.Client.Http;

namespace Roster.Client.Status;

/// <summary>The status endpoints (<c>/v1/status/*</c>).</summary>
public sealed class StatusEndpoint
{
    private readonly ConsulTransport _transport;

    internal StatusEndpoint(ConsulTransport transport) => _transport = transport;

    /// <summary>The Raft leader's address, e.g. <c>127.0.0.1:8300</c>; empty when there is no leader.</summary>
    public Task<string> LeaderAsync(QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<string>(HttpMethod.Get, "/v1/status/leader", null, [], options, cancellationToken);
}
