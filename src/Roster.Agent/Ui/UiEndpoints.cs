using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Roster.Agent.Ui;

/// <summary>
/// The live dashboard at /ui/: static files that read the agent's own Consul HTTP API with blocking queries, as
/// Consul's web UI does. It is a pipeline branch placed before the ACL check, so the page loads without a token;
/// every API call it makes still passes that check (the page sends <c>?token=</c> from its URL as X-Consul-Token).
/// </summary>
internal static class UiEndpoints
{
    private const string Prefix = "/ui";

    // The page holds no secret but its URL may hold the token: never send it on as a Referer, never frame the page.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder MapUi(this IApplicationBuilder app) =>
        app.Map(Prefix, ui => ui.Run(ServeAsync));

    private static Task ServeAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        // Map strips the prefix: "/ui" arrives as an empty path. Relative asset URLs need the slash, as Consul's /ui does.
        if (!request.Path.HasValue)
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = $"{request.PathBase}/{request.QueryString}";
            return Task.CompletedTask;
        }

        var name = request.Path.Value is "/" ? "index.html" : request.Path.Value[1..];
        if (UiAssets.Find(name) is not { } asset)
        {
            return Results.Text("404 page not found\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
        }

        return WriteAsync(http, asset);
    }

    private static async Task WriteAsync(HttpContext http, UiAsset asset)
    {
        var headers = http.Response.Headers;
        headers.ETag = asset.ETag;
        // Revalidate every time: a new agent binary brings new files, and the 304 costs one round trip on loopback.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        if (http.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.Response.ContentType = asset.ContentType;
        http.Response.ContentLength = asset.Content.Length;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(asset.Content, http.RequestAborted);
        }
    }
}
