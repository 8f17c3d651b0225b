using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roster.Agent.Blocking;
using Roster.Agent.Hosting;
using Roster.Agent.Http;
using Roster.Protocol;
using Roster.Protocol.Kv;

namespace Roster.Agent.Kv;

/// <summary>/v1/kv/KEY: get (single, ?recurse, ?keys, ?raw, blocking), put (?flags, ?cas) and delete (?recurse, ?cas).</summary>
internal static class KvApi
{
    public static void MapKvApi(this IEndpointRouteBuilder endpoints, AgentOptions options)
    {
        endpoints.MapConsul("/v1/kv/{**key}", [HttpMethods.Get, HttpMethods.Put, HttpMethods.Delete], (HttpContext http, KvStore kv, BlockingWait wait, AgentIdentity identity) =>
            http.Request.Method switch
            {
                "GET" => GetAsync(http.Request, kv, wait, identity, KeyOf(http)),
                "PUT" => PutAsync(http.Request, kv, KeyOf(http), options.MaxBodyBytes),
                _ => Task.FromResult(Delete(http.Request, kv, KeyOf(http))),
            });
    }

    private static string KeyOf(HttpContext http) => RawPath.After(http, "/v1/kv/");

    private static async Task<IResult> GetAsync(HttpRequest request, KvStore kv, BlockingWait wait, AgentIdentity identity, string key)
    {
        var options = QueryOptions.Parse(request, identity.Datacenter, out var error);
        var query = request.Query;
        var listKeys = query.ContainsKey(ConsulQuery.Keys);
        var recurse = query.ContainsKey(ConsulQuery.Recurse);
        if (error is not null)
        {
            return error;
        }

        if (key.Length == 0 && !listKeys && !recurse)
        {
            return ConsulResults.BadRequest("Missing key name");
        }

        Func<KvSnapshot, ulong> indexOf = listKeys || recurse ? s => s.PrefixIndex(key) : s => s.KeyIndex(key);
        await wait.WaitForChangeAsync(KvStore.Topic(key), options.Index, options.Wait, () => indexOf(kv.Current), request.HttpContext.RequestAborted);
        var snapshot = kv.Current;
        var index = indexOf(snapshot);

        if (listKeys)
        {
            // The historic misspelling "seperator" is still accepted by Consul.
            var separator = query[ConsulQuery.Separator].ToString() is { Length: > 0 } s ? s : query["seperator"].ToString();
            var keys = snapshot.Keys(key, separator);
            return keys.Count == 0 && key.Length > 0 ? new IndexedNotFound(index) : ConsulResults.Json(keys, index);
        }

        if (recurse)
        {
            var entries = snapshot.List(key).Select(ToWire).ToList();
            return entries.Count == 0 ? new IndexedNotFound(index) : ConsulResults.Json(entries, index);
        }

        if (snapshot.Get(key) is not { } pair)
        {
            return new IndexedNotFound(index);
        }

        return query.ContainsKey(ConsulQuery.Raw) ? new RawValueResult(pair.Value, index) : ConsulResults.Json(new[] { ToWire(pair) }, index);
    }

    private static async Task<IResult> PutAsync(HttpRequest request, KvStore kv, string key, int maxBodyBytes)
    {
        if (key.Length == 0)
        {
            return ConsulResults.BadRequest("Missing key name");
        }

        var query = request.Query;
        if (query.ContainsKey(ConsulQuery.Cas) && (query.ContainsKey("acquire") || query.ContainsKey("release")))
        {
            return ConsulResults.BadRequest($"Conflicting flags: {request.QueryString.Value?.TrimStart('?')}");
        }

        if (query.ContainsKey("acquire") || query.ContainsKey("release"))
        {
            // Sessions (locks) are not part of this agent.
            return ConsulResults.Error(StatusCodes.Status500InternalServerError, $"invalid session \"{query["acquire"]}{query["release"]}\"");
        }

        if (!TryNumber(query, ConsulQuery.Flags, out var flags, out var error) || !TryNumber(query, ConsulQuery.Cas, out var cas, out error))
        {
            return error!;
        }

        var (body, tooLarge) = await RequestBody.ReadAsync(request, maxBodyBytes);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        return ConsulResults.Json(kv.Put(key, body!, flags ?? 0, cas));
    }

    private static IResult Delete(HttpRequest request, KvStore kv, string key)
    {
        var query = request.Query;
        var recurse = query.ContainsKey(ConsulQuery.Recurse);
        if (key.Length == 0 && !recurse)
        {
            return ConsulResults.BadRequest("Missing key name");
        }

        if (recurse && query.ContainsKey(ConsulQuery.Cas))
        {
            return ConsulResults.BadRequest($"Conflicting flags: {request.QueryString.Value?.TrimStart('?')}");
        }

        if (!TryNumber(query, ConsulQuery.Cas, out var cas, out var error))
        {
            return error!;
        }

        if (recurse)
        {
            kv.DeleteTree(key);
            return ConsulResults.Json(true);
        }

        return ConsulResults.Json(kv.Delete(key, cas));
    }

    private static bool TryNumber(IQueryCollection query, string name, out ulong? value, out IResult? error)
    {
        value = null;
        error = null;
        if (!query.TryGetValue(name, out var text))
        {
            return true;
        }

        if (ulong.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        // Consul passes Go's strconv error straight through, with a 500.
        error = ConsulResults.Error(StatusCodes.Status500InternalServerError, $"strconv.ParseUint: parsing \"{text}\": invalid syntax");
        return false;
    }

    private static KvEntry ToWire(KvPair pair) => new()
    {
        Key = pair.Key,
        Flags = pair.Flags,
        Value = pair.Value,
        CreateIndex = pair.CreateIndex,
        ModifyIndex = pair.ModifyIndex,
    };

    /// <summary>A 404 with no body that still carries the index, which clients block on until the key appears.</summary>
    private sealed class IndexedNotFound(ulong index) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ConsulResults.WriteIndexHeaders(httpContext.Response, index);
            httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
    }

    private sealed class RawValueResult(byte[] value, ulong index) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            ConsulResults.WriteIndexHeaders(response, index);
            // As Consul: the value is whatever a client stored, so the browser must not interpret it.
            response.ContentType = "text/plain";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = "sandbox";
            await response.Body.WriteAsync(value, httpContext.RequestAborted);
        }
    }
}
