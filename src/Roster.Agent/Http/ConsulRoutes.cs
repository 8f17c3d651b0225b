using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Roster.Agent.Http;

/// <summary>
/// Maps an endpoint with Consul's method enforcement (since 1.0): any other method gets 405 with
/// <c>Allow: OPTIONS,PUT</c> and the body <c>method GET not allowed</c>; OPTIONS gets 200 and the same Allow.
/// </summary>
internal static class ConsulRoutes
{
    private static readonly string[] KnownMethods = [HttpMethods.Get, HttpMethods.Put, HttpMethods.Post, HttpMethods.Delete, HttpMethods.Head, HttpMethods.Patch];

    public static readonly string[] Get = [HttpMethods.Get];
    public static readonly string[] Put = [HttpMethods.Put];

    public static void MapConsul(this IEndpointRouteBuilder endpoints, string pattern, IReadOnlyList<string> methods, Delegate handler)
    {
        var allow = "OPTIONS," + string.Join(',', methods);
        endpoints.MapMethods(pattern, methods, handler);
        endpoints.MapMethods(pattern, [HttpMethods.Options], (HttpResponse response) =>
        {
            response.Headers.Allow = allow;
            return ConsulResults.Ok();
        });
        endpoints.MapMethods(pattern, [.. KnownMethods.Except(methods)], (HttpContext http) =>
        {
            http.Response.Headers.Allow = allow;
            return ConsulResults.Error(StatusCodes.Status405MethodNotAllowed, $"method {http.Request.Method} not allowed");
        });
    }

    /// <summary>Consul's answer to a /v1/ path it does not know.</summary>
    public static void MapUnknownPaths(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallback("/v1/{**path}", () => ConsulResults.NotFound("Invalid URL path: not a recognized HTTP API endpoint\n"));
}
