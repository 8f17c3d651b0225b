using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Roster.Protocol;

namespace Roster.Agent.Http;

/// <summary>
/// With <c>-acl-token</c>, every request but /v1/status/* must carry that token (?token=, X-Consul-Token, or Authorization: Bearer,
/// in Consul's order of precedence) or gets 403 with Consul's texts. The token is never logged.
/// </summary>
internal sealed class AclTokenMiddleware(RequestDelegate next, string token)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context)
    {
        // Consul's /v1/status/* do no ACL check: load balancers probe the leader without a token.
        if (context.Request.Path.StartsWithSegments("/v1/status", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var presented = Presented(context.Request);
        if (presented is null)
        {
            await ConsulResults.Error(StatusCodes.Status403Forbidden, "Permission denied").ExecuteAsync(context);
        }
        else if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected))
        {
            await ConsulResults.Error(StatusCodes.Status403Forbidden, "ACL not found").ExecuteAsync(context);
        }
        else
        {
            await next(context);
        }
    }

    public static string? Presented(HttpRequest request)
    {
        if (request.Query.TryGetValue(ConsulQuery.Token, out var query) && query.ToString().Length > 0)
        {
            return query.ToString();
        }

        if (request.Headers.TryGetValue(ConsulHeaders.Token, out var header) && header.ToString().Length > 0)
        {
            return header.ToString();
        }

        // Only the Bearer scheme carries a token; the first word after it is the token.
        var authorization = request.Headers.Authorization.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return authorization.Length >= 2 && authorization[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) ? authorization[1] : null;
    }
}
