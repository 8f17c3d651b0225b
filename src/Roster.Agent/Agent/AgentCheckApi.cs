using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roster.Agent.Catalog;
using Roster.Agent.Checks;
using Roster.Agent.Hosting;
using Roster.Agent.Http;
using Roster.Agent.Registration;
using Roster.Agent.Wire;
using Roster.Protocol;
using Roster.Protocol.Agent;
using Roster.Protocol.Health;

namespace Roster.Agent.Agent;

/// <summary>/v1/agent/check*: register, deregister, TTL reports (pass/warn/fail/update), and the agent's checks.</summary>
internal static class AgentCheckApi
{
    private const int MaxOutputBytes = 4096;

    public static void MapAgentCheckApi(this IEndpointRouteBuilder endpoints, AgentOptions options)
    {
        // Consul before 1.0 accepted GET on these; the Node seed's client and Debian's python3-consul still send it.
        string[] writes = options.LegacyVerbs ? [HttpMethods.Put, HttpMethods.Get] : ConsulRoutes.Put;
        endpoints.MapConsul("/v1/agent/check/register", ConsulRoutes.Put, (HttpRequest request, CatalogStore catalog) => RegisterAsync(request, catalog, options));
        endpoints.MapConsul("/v1/agent/check/deregister/{**id}", writes, Deregister);
        endpoints.MapConsul("/v1/agent/check/pass/{**id}", writes, (HttpContext http, TtlChecks ttl) => Report(http, ttl, "pass", CheckStatus.Passing));
        endpoints.MapConsul("/v1/agent/check/warn/{**id}", writes, (HttpContext http, TtlChecks ttl) => Report(http, ttl, "warn", CheckStatus.Warning));
        endpoints.MapConsul("/v1/agent/check/fail/{**id}", writes, (HttpContext http, TtlChecks ttl) => Report(http, ttl, "fail", CheckStatus.Critical));
        endpoints.MapConsul("/v1/agent/check/update/{**id}", ConsulRoutes.Put, (HttpContext http, TtlChecks ttl) => UpdateAsync(http, ttl, options));
        endpoints.MapConsul("/v1/agent/checks", ConsulRoutes.Get, GetChecks);
    }

    private static async Task<IResult> RegisterAsync(HttpRequest request, CatalogStore catalog, AgentOptions options)
    {
        var (definition, error) = await RequestBody.DecodeAsync<CheckDefinition>(request, options.MaxBodyBytes);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrEmpty(definition!.Name))
        {
            return ConsulResults.BadRequest("Missing check name");
        }

        // This endpoint checks the status before anything else, with its own text.
        if (!string.IsNullOrEmpty(definition.Status) && !CheckStatus.IsValid(definition.Status))
        {
            return ConsulResults.BadRequest("Bad check status");
        }

        var snapshot = catalog.Current;
        ServiceInstance? service = null;
        if (definition.ServiceId is { Length: > 0 } serviceId && !snapshot.Services.TryGetValue(serviceId, out service))
        {
            return ConsulResults.NotFound($"ServiceID \"{serviceId}\" does not exist");
        }

        try
        {
            var id = definition.Id is { Length: > 0 } given ? given : definition.Name;
            var check = CheckSpecs.ToCheck(definition.ToCheckType(), id, definition.Name);
            catalog.RegisterCheck(check with { ServiceId = service?.Id ?? "", ServiceName = service?.Name ?? "" });
            return ConsulResults.Ok();
        }
        catch (RegistrationError e)
        {
            return ConsulResults.Error(e.Status, e.Message);
        }
    }

    private static IResult Deregister(HttpContext http, CatalogStore catalog)
    {
        var id = RawPath.After(http, "/v1/agent/check/deregister/");
        return catalog.Current.Checks.TryGetValue(id, out var check) && !NodeBootstrap.IsBuiltIn(check) && catalog.DeregisterCheck(id)
            ? ConsulResults.Ok()
            : UnknownCheck(id);
    }

    private static IResult Report(HttpContext http, TtlChecks ttl, string verb, string status)
    {
        var id = RawPath.After(http, $"/v1/agent/check/{verb}/");
        return Outcome(ttl.Report(id, status, Truncate(http.Request.Query[ConsulQuery.Note].ToString())), id);
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, TtlChecks ttl, AgentOptions options)
    {
        var (update, error) = await RequestBody.DecodeAsync<CheckUpdate>(http.Request, options.MaxBodyBytes);
        if (error is not null)
        {
            return error;
        }

        if (update!.Status is not (CheckStatus.Passing or CheckStatus.Warning or CheckStatus.Critical))
        {
            return ConsulResults.BadRequest($"Invalid check status: '{update.Status}'");
        }

        var id = RawPath.After(http, "/v1/agent/check/update/");
        return Outcome(ttl.Report(id, update.Status, Truncate(update.Output ?? "")), id);
    }

    private static IResult GetChecks(CatalogStore catalog, AgentIdentity identity)
    {
        var snapshot = catalog.Current;
        return ConsulResults.Json(snapshot.Checks.Values
            .Where(c => !NodeBootstrap.IsBuiltIn(c))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(c => c.Id, c => WireViews.HealthCheck(c, identity, WireViews.TagsOf(snapshot, c))));
    }

    private static IResult Outcome(TtlReport report, string id) => report switch
    {
        TtlReport.Recorded => ConsulResults.Ok(),
        TtlReport.NotFound => UnknownCheck(id),
        // Clients that re-register after an agent restart look for this text (and for the 404 above).
        _ => ConsulResults.Error(StatusCodes.Status500InternalServerError, $"CheckID \"{id}\" does not have associated TTL"),
    };

    /// <summary>Consul keeps at most 4 KiB of output and says how much it dropped.</summary>
    private static string Truncate(string output)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(output);
        return bytes <= MaxOutputBytes ? output : $"{output[..MaxOutputBytes]} ... (captured {MaxOutputBytes} of {bytes} bytes)";
    }

    private static IResult UnknownCheck(string id) =>
        ConsulResults.NotFound($"Unknown check ID \"{id}\". Ensure that the check ID is passed, not the check name.");
}
