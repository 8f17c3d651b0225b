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
        var options = QueryOptions.Parse(request, identity.Datacenter, out var error);
        if (error is not null)
        {
            return error;
        }

        await wait.WaitForChangeAsync(topic, options.Index, options.Wait, () => indexOf(current()), request.HttpContext.RequestAborted);
        var snapshot = current();
        return ConsulResults.Json(resultOf(snapshot), indexOf(snapshot));
    }

    /// <summary>As above, with the serialized answer shared by every request that asks <paramref name="cacheKey"/> at the same index.</summary>
    public static async Task<IResult> RespondCachedAsync<TSnapshot, TResult>(
        HttpRequest request, AgentIdentity identity, BlockingWait wait, ResponseCache cache, string topic, string cacheKey,
        Func<TSnapshot> current, Func<TSnapshot, ulong> indexOf, Func<TSnapshot, TResult> resultOf)
    {
        var options = QueryOptions.Parse(request, identity.Datacenter, out var error);
        if (error is not null)
        {
            return error;
        }

        await wait.WaitForChangeAsync(topic, options.Index, options.Wait, () => indexOf(current()), request.HttpContext.RequestAborted);
        var snapshot = current();
        var index = indexOf(snapshot);
        return ConsulResults.RawJson(cache.GetOrAdd(cacheKey, index, () => JsonSerializer.SerializeToUtf8Bytes(resultOf(snapshot), ConsulJson.ResponseOptions)), index);
    }
}
