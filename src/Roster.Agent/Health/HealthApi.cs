using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roster.Agent.Blocking;
using Roster.Agent.Catalog;
using Roster.Agent.Hosting;
using Roster.Agent.Http;
using Roster.Agent.Wire;
using Roster.Protocol;
using Roster.Protocol.Health;

namespace Roster.Agent.Health;

/// <summary>/v1/health/*: instances with their checks (?passing, ?tag), and checks by service, node or state. All block.</summary>
internal static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsul("/v1/health/service/{**name}", ConsulRoutes.Get, GetServiceAsync);
        endpoints.MapConsul("/v1/health/checks/{**name}", ConsulRoutes.Get, GetChecksAsync);
        endpoints.MapConsul("/v1/health/node/{**node}", ConsulRoutes.Get, GetNodeAsync);
        endpoints.MapConsul("/v1/health/state/{**state}", ConsulRoutes.Get, GetStateAsync);
    }

    private static async Task<IResult> GetServiceAsync(HttpContext http, CatalogStore catalog, BlockingWait wait, ResponseCache cache, AgentIdentity identity)
    {
        var name = RawPath.After(http, "/v1/health/service/");
        if (name.Length == 0)
        {
            return ConsulResults.BadRequest("Missing service name");
        }

        if (!TryPassing(http.Request, out var passing))
        {
            return ConsulResults.BadRequest("Invalid value for ?passing");
        }

        var tags = http.Request.Query[ConsulQuery.Tag].OfType<string>().ToList();
        var cacheKey = $"health/service/{name}?passing={passing}&tag={string.Join("&tag=", tags)}";
        return await BlockingRead.RespondCachedAsync(http.Request, identity, wait, cache, CatalogTopics.Service(name), cacheKey, () => catalog.Current, s => s.ServiceIndex(name),
            s => s.InstancesOf(name)
                .Where(i => tags.All(i.Tags.Contains))
                // ?passing drops an instance when any of its checks, the node's included, is not exactly passing:
                // warning is excluded too (Consul #2452).
                .Where(i => !passing || s.NodeChecks.Concat(s.ChecksOf(i.Id)).All(c => c.Status == CheckStatus.Passing))
                .Select(i => WireViews.CheckServiceNode(s, i, identity))
                .ToList());
    }

    private static async Task<IResult> GetChecksAsync(HttpContext http, CatalogStore catalog, BlockingWait wait, AgentIdentity identity)
    {
        var name = RawPath.After(http, "/v1/health/checks/");
        if (name.Length == 0)
        {
            return ConsulResults.BadRequest("Missing service name");
        }

        return await BlockingRead.RespondAsync(http.Request, identity, wait, CatalogTopics.Service(name), () => catalog.Current, s => s.ServiceIndex(name),
            s => s.InstancesOf(name).SelectMany(i => s.ChecksOf(i.Id).Select(c => WireViews.HealthCheck(c, identity, i.Tags))).ToList());
    }

    private static async Task<IResult> GetNodeAsync(HttpContext http, CatalogStore catalog, BlockingWait wait, AgentIdentity identity)
    {
        var node = RawPath.After(http, "/v1/health/node/");
        if (node.Length == 0)
        {
            return ConsulResults.BadRequest("Missing node name");
        }

        return await BlockingRead.RespondAsync(http.Request, identity, wait, CatalogTopics.Node, () => catalog.Current, s => s.Index,
            s => node != identity.NodeName ? [] : AllChecks(s, identity, _ => true));
    }

    private static async Task<IResult> GetStateAsync(HttpContext http, CatalogStore catalog, BlockingWait wait, AgentIdentity identity)
    {
        var state = RawPath.After(http, "/v1/health/state/");
        if (state.Length == 0)
        {
            return ConsulResults.BadRequest("Missing check state");
        }

        return await BlockingRead.RespondAsync(http.Request, identity, wait, CatalogTopics.Checks, () => catalog.Current, s => s.ChecksIndex,
            s => AllChecks(s, identity, c => state == CheckStatus.Any || c.Status == state));
    }

    private static List<HealthCheck> AllChecks(CatalogSnapshot snapshot, AgentIdentity identity, Func<CheckInstance, bool> where) =>
        [.. snapshot.Checks.Values
            .Where(where)
            .OrderBy(c => c.ServiceId, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => WireViews.HealthCheck(c, identity, WireViews.TagsOf(snapshot, c)))];

    /// <summary>?passing is a Go bool, except that present and empty means true.</summary>
    private static bool TryPassing(HttpRequest request, out bool passing)
    {
        passing = false;
        if (!request.Query.TryGetValue(ConsulQuery.Passing, out var value))
        {
            return true;
        }

        var text = value.ToString();
        passing = text.Length == 0;
        return passing || GoBool.TryParse(text, out passing);
    }
}
