using System.Globalization;
using Microsoft.AspNetCore.Http;
using Roster.Protocol;
using Roster.Protocol.Durations;

namespace Roster.Agent.Http;

/// <summary>The query parameters every read endpoint shares (consul-api.md §1.3), validated with Consul's error texts.</summary>
internal sealed record QueryOptions(ulong Index, TimeSpan? Wait)
{
    /// <summary>Parses the shared parameters; returns the 400/500 Consul would send when one is bad.</summary>
    public static QueryOptions Parse(HttpRequest request, string datacenter, out IResult? error)
    {
        var query = request.Query;
        error = null;
        if (query.ContainsKey(ConsulQuery.Stale) && query.ContainsKey(ConsulQuery.Consistent))
        {
            error = ConsulResults.BadRequest("Cannot specify ?stale with ?consistent, conflicting semantics.");
        }
        else if (query.TryGetValue(ConsulQuery.Datacenter, out var dc) && dc.ToString() is { Length: > 0 } asked && asked != datacenter)
        {
            error = ConsulResults.Error(StatusCodes.Status500InternalServerError, "No path to datacenter");
        }

        ulong index = 0;
        if (query.TryGetValue(ConsulQuery.Index, out var indexText) && indexText.ToString() is { Length: > 0 } i &&
            !ulong.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            error ??= ConsulResults.BadRequest("Invalid index");
        }

        TimeSpan? wait = null;
        if (query.TryGetValue(ConsulQuery.Wait, out var waitText) && waitText.ToString() is { Length: > 0 } w)
        {
            if (GoDuration.TryParse(w, out var parsed) && parsed >= TimeSpan.Zero)
            {
                wait = parsed;
            }
            else
            {
                error ??= ConsulResults.BadRequest("Invalid wait time");
            }
        }

        return new QueryOptions(index, wait);
    }
}
