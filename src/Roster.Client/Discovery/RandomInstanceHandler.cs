using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;

namespace Roster.Client.Discovery;

/// <summary>
/// Sends each request to a random passing instance, as the seed's www did (Microsoft.Extensions.ServiceDiscovery only
/// round-robins). An instance that refuses the connection (or, for a GET, drops it) is left out, and the request goes
/// to another, until the registry reports anything newer: a killed instance costs its callers a failed attempt, not a
/// failed request.
/// </summary>
internal sealed class RandomInstanceHandler(ServiceEndpointResolver resolver) : DelegatingHandler
{
    private readonly ConcurrentDictionary<EndPoint, IChangeToken> _ejected = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri ?? throw new InvalidOperationException("the request has no URI");
        var source = await resolver.GetEndpointsAsync($"{target.Scheme}://{target.Host}", cancellationToken);
        var candidates = source.Endpoints.Select(e => e.EndPoint).Where(e => !IsEjected(e)).ToList();
        HttpRequestException? lastFailure = null;
        while (candidates.Count > 0)
        {
            var endpoint = candidates[Random.Shared.Next(candidates.Count)];
            request.RequestUri = new UriBuilder(target) { Host = HostOf(endpoint), Port = PortOf(endpoint) }.Uri;
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException || IsSafeToRepeat(request))
            {
                // A refused connect reached nothing, so another instance cannot run the request twice. A GET may also
                // have been cut off mid-way on a kept-alive connection to an instance that just died: repeating a
                // read is safe, repeating a write is not.
                _ejected[endpoint] = source.ChangeToken;
                candidates.Remove(endpoint);
                lastFailure = e;
            }
            finally
            {
                request.RequestUri = target;
            }
        }

        throw lastFailure ?? new HttpRequestException($"no passing instance of '{target.Host}' is registered");
    }

    private static bool IsSafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options;

    private bool IsEjected(EndPoint endpoint)
    {
        if (!_ejected.TryGetValue(endpoint, out var until))
        {
            return false;
        }

        if (!until.HasChanged)
        {
            return true;
        }

        _ejected.TryRemove(endpoint, out _);
        return false;
    }

    private static string HostOf(EndPoint endpoint) => endpoint switch
    {
        IPEndPoint ip => ip.Address.ToString(),
        DnsEndPoint dns => dns.Host,
        _ => throw new NotSupportedException($"endpoint {endpoint}"),
    };

    private static int PortOf(EndPoint endpoint) => endpoint switch
    {
        IPEndPoint ip => ip.Port,
        DnsEndPoint dns => dns.Port,
        _ => throw new NotSupportedException($"endpoint {endpoint}"),
    };
}
