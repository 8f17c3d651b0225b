using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Roster.Services.Health;

/// <summary>The liveness endpoint every service answers, for HAProxy's <c>option httpchk</c> and the registry's HTTP check.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", GetHealth);
        return endpoints;
    }

    private static ContentHttpResult GetHealth() => TypedResults.Text("ok", "text/plain");
}
