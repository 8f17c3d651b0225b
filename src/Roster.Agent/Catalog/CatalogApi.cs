using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roster.Agent.Blocking;
using Roster.Agent.Hosting;
using Roster.Agent.Http;
using Roster.Agent.Wire;
using Roster.Protocol;
using Roster.Protocol.Catalog;

namespace Roster.Agent.Catalog;

/// <summary>/v1/catalog/*: datacenters, services (names and tags), one service's instances, nodes, one node.</summary>
internal static class CatalogApi
{
    public static void MapCatalogApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsul("/v1/catalog/datacenters", ConsulRoutes.Get, (AgentIdentity identity) => ConsulResults.Json(new[] { identity.Datacenter }));
        endpoints.MapConsul("/v1/catalog/services", ConsulRoutes.Get, GetServicesAsync);
        endpoints.MapConsul("/v1/catalog/service/{**name}", ConsulRoutes.Get, GetServiceAsync);
        endpoints.MapConsul("/v1/catalog/nodes", ConsulRoutes.Get, GetNodesAsync);
        endpoints.MapConsul("/v1/catalog/node/{**node}", ConsulRoutes.Get, GetNodeAsync);
    }

    private static Task<IResult> GetServicesAsync(HttpRequest request, CatalogStore catalog, BlockingWait wait, AgentIdentity identity) =>
        BlockingRead.RespondAsync(request, identity, wait, CatalogTopics.Services, () => catalog.Current, s => s.ServicesIndex,
            s => s.ServiceNames().ToDictionary(n => n.Name, n => n.Tags));

    private static async Task<IResult> GetServiceAsync(HttpContext http, CatalogStore catalog, BlockingWait wait, ResponseCache cache, AgentIdentity identity)
    {
        var name = RawPath.After(http, "/v1/catalog/service/");
        if (name.Length == 0)
        {
            return ConsulResults.BadRequest("Missing service name");
        }

        var tags = http.Request.Query[ConsulQuery.Tag].OfType<string>().ToList();
        var cacheKey = $"catalog/service/{name}?tag={string.Join("&tag=", tags)}";
        return await BlockingRead.RespondCachedAsync(http.Request, identity, wait, cache, CatalogTopics.Service(name), cacheKey, () => catalog.Current, s => s.ServiceIndex(name),
            s => s.InstancesOf(name).Where(i => tags.All(i.Tags.Contains)).Select(i => WireViews.ServiceNode(i, identity)).ToList());
    }

    private static Task<IResult> GetNodesAsync(HttpRequest request, CatalogStore catalog, BlockingWait wait, AgentIdentity identity) =>
        BlockingRead.RespondAsync(request, identity, wait, CatalogTopics.Node, () => catalog.Current, s => s.Index,
            _ => new[] { WireViews.Node(identity) });

    private static async Task<IResult> GetNodeAsync(HttpContext http, CatalogStore catalog, BlockingWait wait, AgentIdentity identity)
    {
        var node = RawPath.After(http, "/v1/catalog/node/");
        if (node.Length == 0)
        {
            return ConsulResults.BadRequest("Missing node name");
        }

        // An unknown node is a 200 with the body null, as Consul answers.
        return await BlockingRead.RespondAsync(http.Request, identity, wait, CatalogTopics.Node, () => catalog.Current, s => s.Index,
            s => node != identity.NodeName ? null : new CatalogNode
            {
                Node = WireViews.Node(identity),
                Services = s.Services.Values.OrderBy(i => i.Id, StringComparer.Ordinal).ToDictionary(i => i.Id, WireViews.NodeService),
            });
    }
}
