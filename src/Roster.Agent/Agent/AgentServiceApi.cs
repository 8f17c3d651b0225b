using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roster.Agent.Blocking;
using Roster.Agent.Catalog;
using Roster.Agent.Checks;
using Roster.Agent.Hosting;
using Roster.Agent.Http;
using Roster.Agent.Registration;
using Roster.Agent.Wire;
using Roster.Protocol;
using Roster.Protocol.Agent;
using Roster.Protocol.Health;
using Roster.Protocol.Json;

namespace Roster.Agent.Agent;

/// <summary>/v1/agent/service*: register, deregister, maintenance, and the agent's own view of its services.</summary>
internal static class AgentServiceApi
{
    private const string DefaultMaintenanceReason = "Maintenance mode is enabled for this service, but no reason was provided. This is a default message.";

    public static void MapAgentServiceApi(this IEndpointRouteBuilder endpoints, AgentOptions options)
    {
        // Consul before 1.0 accepted GET on deregistration; clients of that era still send it (-legacy-verbs).
        string[] writes = options.LegacyVerbs ? [HttpMethods.Put, HttpMethods.Get] : ConsulRoutes.Put;
        endpoints.MapConsul("/v1/agent/service/register", ConsulRoutes.Put, (HttpRequest request, CatalogStore catalog) => RegisterAsync(request, catalog, options));
        endpoints.MapConsul("/v1/agent/service/deregister/{**id}", writes, Deregister);
        endpoints.MapConsul("/v1/agent/service/maintenance/{**id}", ConsulRoutes.Put, Maintenance);
        endpoints.MapConsul("/v1/agent/services", ConsulRoutes.Get, GetServices);
        endpoints.MapConsul("/v1/agent/service/{**id}", ConsulRoutes.Get, GetServiceAsync);
    }

    private static async Task<IResult> RegisterAsync(HttpRequest request, CatalogStore catalog, AgentOptions options)
    {
        var (definition, error) = await RequestBody.DecodeAsync<ServiceDefinition>(request, options.MaxBodyBytes);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var (service, checks) = ServiceRegistration.Create(definition!);
            // "replace-existing-checks" counts when present with an empty value or "true".
            var replace = request.Query.TryGetValue("replace-existing-checks", out var value) && value.ToString() is "" or "true" or "1";
            catalog.RegisterService(service, checks, replace);
            return ConsulResults.Ok();
        }
        catch (RegistrationError e)
        {
            return ConsulResults.Error(e.Status, e.Message);
        }
    }

    private static IResult Deregister(HttpContext http, CatalogStore catalog)
    {
        var id = RawPath.After(http, "/v1/agent/service/deregister/");
        return catalog.Current.Services.TryGetValue(id, out var service) && !NodeBootstrap.IsBuiltIn(service) && catalog.DeregisterService(id)
            ? ConsulResults.Ok()
            : UnknownService(id);
    }

    private static IResult Maintenance(HttpContext http, CatalogStore catalog)
    {
        var id = RawPath.After(http, "/v1/agent/service/maintenance/");
        var query = http.Request.Query;
        if (id.Length == 0)
        {
            return ConsulResults.BadRequest("Missing service ID");
        }

        if (!query.TryGetValue(ConsulQuery.Enable, out var enableText))
        {
            return ConsulResults.BadRequest("Missing value for enable");
        }

        if (!GoBool.TryParse(enableText.ToString(), out var enable))
        {
            return ConsulResults.BadRequest($"Invalid value for enable: \"{enableText}\"");
        }

        if (!catalog.Current.Services.TryGetValue(id, out var service) || NodeBootstrap.IsBuiltIn(service))
        {
            return UnknownService(id);
        }

        var checkId = CatalogStore.ServiceMaintenancePrefix + id;
        if (!enable)
        {
            catalog.DeregisterCheck(checkId);
            return ConsulResults.Ok();
        }

        var reason = query[ConsulQuery.Reason].ToString();
        catalog.RegisterCheck(new CheckInstance
        {
            Id = checkId,
            Name = "Service Maintenance Mode",
            ServiceId = service.Id,
            ServiceName = service.Name,
            Status = CheckStatus.Critical,
            Notes = reason.Length > 0 ? reason : DefaultMaintenanceReason,
            Spec = new CheckSpec { IsMaintenance = true },
        });
        return ConsulResults.Ok();
    }

    private static IResult GetServices(CatalogStore catalog, AgentIdentity identity) =>
        ConsulResults.Json(catalog.Current.Services.Values
            .Where(s => !NodeBootstrap.IsBuiltIn(s))
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToDictionary(s => s.Id, s => WireViews.AgentService(s, identity)));

    // Consul's hash-based blocking: with ?hash= the answer waits until the service's content hash differs (or it is gone, a 404).
    private static async Task<IResult> GetServiceAsync(HttpContext http, CatalogStore catalog, AgentIdentity identity, BlockingWait wait)
    {
        var id = RawPath.After(http, "/v1/agent/service/");
        var options = QueryOptions.Parse(http.Request, identity.Datacenter, out var error);
        if (error is not null)
        {
            return error;
        }

        if (http.Request.Query[ConsulQuery.Hash].ToString() is { Length: > 0 } hash)
        {
            await wait.WaitUntilAsync(
                CatalogTopics.Node, () => View(catalog.Current, id, identity)?.ContentHash != hash, options.Wait, http.RequestAborted);
        }

        if (View(catalog.Current, id, identity) is not { } view)
        {
            return ConsulResults.NotFound($"unknown service ID: {id}");
        }

        http.Response.Headers[ConsulHeaders.ContentHash] = view.ContentHash;
        return ConsulResults.Json(view);
    }

    private static AgentService? View(CatalogSnapshot snapshot, string id, AgentIdentity identity)
    {
        if (!snapshot.Services.TryGetValue(id, out var service) || NodeBootstrap.IsBuiltIn(service))
        {
            return null;
        }

        var view = WireViews.AgentService(service, identity);
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(view, ConsulJson.ResponseOptions)))[..16];
        return view with { ContentHash = hash };
    }

    private static IResult UnknownService(string id) =>
        ConsulResults.NotFound($"Unknown service ID \"{id}\". Ensure that the service ID is passed, not the service name.");
}
