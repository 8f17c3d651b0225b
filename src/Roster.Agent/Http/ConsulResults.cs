using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Roster.Protocol;
using Roster.Protocol.Json;

namespace Roster.Agent.Http;

/// <summary>Responses the way Consul writes them: JSON bodies, plain-text errors, empty 200s, and the blocking headers.</summary>
internal static class ConsulResults
{
    /// <summary>A JSON body; with an index, the three headers every blocking-capable endpoint sends.</summary>
    public static IResult Json<T>(T value, ulong? index = null) => new JsonResult<T>(value, index);

    /// <summary>A JSON body with a status other than 200 (the agent's health endpoints answer 429 and 503 with a body).</summary>
    public static IResult Json<T>(int status, T value) => new JsonResult<T>(value, index: null, status);

    /// <summary>JSON already serialized (shared by the requests of one index), with the blocking headers.</summary>
    public static IResult RawJson(byte[] json, ulong index) => new RawJsonResult(json, index);

    /// <summary>Agent writes answer 200 with no body and no Content-Type.</summary>
    public static IResult Ok() => EmptyOk.Instance;

    /// <summary>Consul's errors are plain text, not JSON.</summary>
    public static IResult Error(int status, string message) => TypedResults.Text(message, "text/plain; charset=utf-8", statusCode: status);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static void WriteIndexHeaders(HttpResponse response, ulong index)
    {
        // Never 0: a client that reads 0 would never block. Always all three: Go's client stops parsing at the first missing one.
        response.Headers[ConsulHeaders.Index] = Math.Max(index, 1).ToString(CultureInfo.InvariantCulture);
        response.Headers[ConsulHeaders.KnownLeader] = "true";
        response.Headers[ConsulHeaders.LastContact] = "0";
    }

    private sealed class JsonResult<T>(T value, ulong? index, int status = StatusCodes.Status200OK) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (index is { } i)
            {
                WriteIndexHeaders(httpContext.Response, i);
            }

            httpContext.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(httpContext.Response.Body, value, ConsulJson.ResponseOptions, httpContext.RequestAborted);
        }
    }

    private sealed class RawJsonResult(byte[] json, ulong index) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            WriteIndexHeaders(httpContext.Response, index);
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.ContentLength = json.Length;
            await httpContext.Response.Body.WriteAsync(json, httpContext.RequestAborted);
        }
    }

    private sealed class EmptyOk : IResult
    {
        public static EmptyOk Instance { get; } = new();

        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }
    }
}
