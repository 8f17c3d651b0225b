using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Roster.Agent.Http;

/// <summary>
/// The rest of a path after a route's fixed prefix (a KV key, a check or service ID), decoded once from the raw
/// request target. Clients send '/' inside an ID as %2F (node-consul does for KV keys); the server leaves %2F encoded
/// in the path, and decoding the path a second time would corrupt IDs that contain a '%'.
/// </summary>
internal static class RawPath
{
    public static string After(HttpContext http, string prefix)
    {
        var target = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var path = target.Split('?', 2)[0];
        return path.StartsWith(prefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(path[prefix.Length..]) : "";
    }
}
