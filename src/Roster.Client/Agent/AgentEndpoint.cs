using System.Globalization;
using System.Net.Http.Json;
using Roster.Client.Http;
using Roster.Protocol;
using Roster.Protocol.Agent;
using Roster.Protocol.Health;
using Roster.Protocol.Json;

namespace Roster.Client.Agent;

/// <summary>The local agent's endpoints (<c>/v1/agent/*</c>): registration and TTL checks.</summary>
public sealed class AgentEndpoint
{
    private readonly ConsulTransport _transport;

    internal AgentEndpoint(ConsulTransport transport) => _transport = transport;

    /// <summary>Registers (or replaces) a service and its checks with <c>PUT /v1/agent/service/register</c>.</summary>
    public Task RegisterServiceAsync(ServiceDefinition service, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        return _transport.SendAsync(
            HttpMethod.Put, "/v1/agent/service/register", JsonContent.Create(service, options: ConsulJson.ResponseOptions), [], options, cancellationToken);
    }

    /// <summary>Removes a service and its checks; an unknown ID is a 404 <see cref="ConsulException"/> on Consul 1.11 and later.</summary>
    public Task DeregisterServiceAsync(string serviceId, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Put, "/v1/agent/service/deregister/" + Segment(serviceId), null, [], options, cancellationToken);

    /// <summary>Sets a TTL check to passing and restarts its TTL.</summary>
    public Task PassTtlAsync(string checkId, string? note = null, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        SetTtlAsync("pass", checkId, note, options, cancellationToken);

    /// <summary>Sets a TTL check to warning and restarts its TTL.</summary>
    public Task WarnTtlAsync(string checkId, string? note = null, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        SetTtlAsync("warn", checkId, note, options, cancellationToken);

    /// <summary>Sets a TTL check to critical and restarts its TTL.</summary>
    public Task FailTtlAsync(string checkId, string? note = null, QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        SetTtlAsync("fail", checkId, note, options, cancellationToken);

    /// <summary>Sets a TTL check's status (<see cref="CheckStatus"/>) and output with <c>PUT /v1/agent/check/update/:id</c>.</summary>
    public Task UpdateTtlAsync(
        string checkId, string status, string? output = null, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = JsonContent.Create(new CheckUpdate { Status = status, Output = output }, options: ConsulJson.ResponseOptions);
        return _transport.SendAsync(HttpMethod.Put, "/v1/agent/check/update/" + Segment(checkId), body, [], options, cancellationToken);
    }

    /// <summary>The services registered with this agent, by instance ID (<c>GET /v1/agent/services</c>; not blocking, so no index).</summary>
    public Task<IReadOnlyDictionary<string, AgentService>> ServicesAsync(QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<IReadOnlyDictionary<string, AgentService>>(HttpMethod.Get, "/v1/agent/services", null, [], options, cancellationToken);

    /// <summary>
    /// One service as this agent holds it (<c>GET /v1/agent/service/:id</c>); with <paramref name="hash"/> (a previous answer's
    /// <see cref="AgentService.ContentHash"/>) the agent holds the request until the service changes or <paramref name="wait"/>
    /// ends. An unknown ID is a 404 <see cref="ConsulException"/>.
    /// </summary>
    public Task<AgentService> ServiceAsync(
        string serviceId, string? hash = null, TimeSpan? wait = null, QueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<KeyValuePair<string, string>> query = [];
        if (!string.IsNullOrEmpty(hash))
        {
            query.Add(new(ConsulQuery.Hash, hash));
            if (wait is { } w && w > TimeSpan.Zero)
            {
                query.Add(new(ConsulQuery.Wait, ((long)Math.Ceiling(w.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms"));
            }
        }

        return _transport.SendAsync<AgentService>(HttpMethod.Get, "/v1/agent/service/" + Segment(serviceId), null, query, options, cancellationToken);
    }

    /// <summary>The agent's own configuration and member record (<c>GET /v1/agent/self</c>): its node name, datacenter, version.</summary>
    public Task<AgentSelf> SelfAsync(QueryOptions? options = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<AgentSelf>(HttpMethod.Get, "/v1/agent/self", null, [], options, cancellationToken);

    private Task SetTtlAsync(string verb, string checkId, string? note, QueryOptions? options, CancellationToken cancellationToken)
    {
        KeyValuePair<string, string>[] query = note is null ? [] : [new(ConsulQuery.Note, note)];
        return _transport.SendAsync(HttpMethod.Put, $"/v1/agent/check/{verb}/{Segment(checkId)}", null, query, options, cancellationToken);
    }

    private static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return ConsulTransport.EscapeSegment(id);
    }
}
