using Microsoft.AspNetCore.Http;
using Roster.Agent.Blocking;
using Roster.Agent.Hosting;

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
}
