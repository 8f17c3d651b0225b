using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roster.Agent.Catalog;
using Roster.Agent.Health;
using Roster.Agent.Hosting;
using Roster.Agent.Http;
using Roster.Agent.Wire;
using Roster.Protocol.Agent;
using Roster.Protocol.Health;

namespace Roster.Agent.Agent;

/// <summary>
/// /v1/agent/health/service/id/ID and /name/NAME: the aggregated status of a local service as an HTTP status
/// (200 passing, 429 warning, 503 critical or maintenance), usable as a load balancer's health check target.
/// </summary>
internal static class AgentHealthApi
{
    public static void MapAgentHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsul("/v1/agent/health/service/id/{**id}", ConsulRoutes.Get, ById);
        endpoints.MapConsul("/v1/agent/health/service/name/{**name}", ConsulRoutes.Get, ByName);
    }

    private static IResult ById(HttpContext http, CatalogStore catalog, AgentIdentity identity)
    {
        var id = RawPath.After(http, "/v1/agent/health/service/id/");
        if (id.Length == 0)
        {
            return ConsulResults.BadRequest("Missing serviceID");
        }

        var snapshot = catalog.Current;
        if (!snapshot.Services.TryGetValue(id, out var service) || NodeBootstrap.IsBuiltIn(service))
        {
            var reason = $"ServiceId {id} not found";
            return WantsText(http.Request)
                ? ConsulResults.Error(StatusCodes.Status404NotFound, reason)
                : ConsulResults.Json(StatusCodes.Status404NotFound, new { AggregatedStatus = CheckStatus.Critical, Service = (object?)null, Checks = (object?)null });
        }

        var info = Info(snapshot, service, identity);
        var code = AggregatedStatus.HttpStatus(info.AggregatedStatus);
        return WantsText(http.Request) ? ConsulResults.Error(code, info.AggregatedStatus) : ConsulResults.Json(code, info);
    }

    private static IResult ByName(HttpContext http, CatalogStore catalog, AgentIdentity identity)
    {
        var name = RawPath.After(http, "/v1/agent/health/service/name/");
        if (name.Length == 0)
        {
            return ConsulResults.BadRequest("Missing service Name");
        }

        var snapshot = catalog.Current;
        var infos = snapshot.InstancesOf(name).Where(s => !NodeBootstrap.IsBuiltIn(s)).Select(s => Info(snapshot, s, identity)).ToList();
        // The worst instance decides: passing 200 < warning 429 < critical 503.
        var (code, status) = infos.Count == 0
            ? (StatusCodes.Status404NotFound, $"ServiceName {name} Not Found")
            : infos.Select(i => (Code: AggregatedStatus.HttpStatus(i.AggregatedStatus), Status: i.AggregatedStatus)).MaxBy(c => c.Code);
        return WantsText(http.Request) ? ConsulResults.Error(code, status) : ConsulResults.Json(code, infos);
    }

    private static AgentServiceChecksInfo Info(CatalogSnapshot snapshot, ServiceInstance service, AgentIdentity identity)
    {
        var checks = snapshot.NodeChecks.Concat(snapshot.ChecksOf(service.Id)).ToList();
        return new AgentServiceChecksInfo
        {
            AggregatedStatus = Health.AggregatedStatus.Of(checks),
            Service = WireViews.AgentService(service, identity),
            Checks = [.. checks.Select(c => WireViews.HealthCheck(c, identity, WireViews.TagsOf(snapshot, c)))],
        };
    }

    private static bool WantsText(HttpRequest request) => request.Query["format"] == "text";
}
