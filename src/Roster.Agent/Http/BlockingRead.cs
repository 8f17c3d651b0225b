using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Roster.Agent.Blocking;
using Roster.Agent.Hosting;
using Roster.Protocol.Json;

namespace Roster.Agent.Http;

/// <summary>
/// A read endpoint with Consul's blocking semantics: parse ?index/?wait, hold until the index of what the query
/// reads passes the client's, then answer from one snapshot with that snapshot's index in X-Consul-Index.
/// </summary>
internal static class BlockingRead
{
    public static async Task<IResult> RespondAsync<TSnapshot, TResult>(
        HttpRequest request, AgentIdentity identity, BlockingWait wait, string topic,
        Func<TSnapshot> current, Func<TSnapshot, ulong> indexOf, Func<TSnapshot, TResult> resultOf)
    {
        var (snapshot, index, error) = await ReadAsync(request, identity, wait, topic, current, indexOf);
        return error ?? ConsulResults.Json(resultOf(snapshot!), index);
    }

    /// <summary>As above, with the serialized answer shared by every request that asks <paramref name="cacheKey"/> at the same index.</summary>
    public static async Task<IResult> RespondCachedAsync<TSnapshot, TResult>(
        HttpRequest request, AgentIdentity identity, BlockingWait wait, ResponseCache cache, string topic, string cacheKey,
        Func<TSnapshot> current, Func<TSnapshot, ulong> indexOf, Func<TSnapshot, TResult> resultOf)
    {
        var (snapshot, index, error) = await ReadAsync(request, identity, wait, topic, current, indexOf);
        return error ?? ConsulResults.RawJson(
            cache.GetOrAdd(cacheKey, index, () => JsonSerializer.SerializeToUtf8Bytes(resultOf(snapshot!), ConsulJson.ResponseOptions)), index);
    }

    /// <summary>Parses the query, holds it until its index passes the client's (or the wait ends), and takes one snapshot.</summary>
    private static async Task<(TSnapshot? Snapshot, ulong Index, IResult? Error)> ReadAsync<TSnapshot>(
        HttpRequest request, AgentIdentity identity, BlockingWait wait, string topic, Func<TSnapshot> current, Func<TSnapshot, ulong> indexOf)
    {
        var options = QueryOptions.Parse(request, identity.Datacenter, out var error);
        if (error is not null)
        {
            return (default, 0, error);
        }

        await wait.WaitForChangeAsync(topic, options.Index, options.Wait, () => indexOf(current()), request.HttpContext.RequestAborted);
        var snapshot = current();
        return (snapshot, indexOf(snapshot), null);
    }
}
