using Microsoft.AspNetCore.Http;
using Roster.Protocol.Json;

namespace Roster.Agent.Http;

/// <summary>Reads a request body with a size cap, and decodes JSON bodies as Consul does.</summary>
internal static class RequestBody
{
    /// <summary>The raw bytes, or a 413 in Consul's words when the body is over <paramref name="maxBytes"/>.</summary>
    public static async Task<(byte[]? Body, IResult? Error)> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(request.ContentLength.Value, maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                // Chunked uploads have no Content-Length: stop reading as soon as the cap is passed.
                return (null, TooLarge(buffer.Length, maxBytes));
            }
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>Decodes a JSON body; a bad one gets Consul's <c>400 Request decode failed: …</c>.</summary>
    public static async Task<(T? Value, IResult? Error)> DecodeAsync<T>(HttpRequest request, int maxBytes)
        where T : class
    {
        var (body, error) = await ReadAsync(request, maxBytes);
        if (error is not null)
        {
            return (null, error);
        }

        try
        {
            return (ConsulJson.Decode<T>(body), null);
        }
        catch (ConsulDecodeException e)
        {
            return (null, ConsulResults.BadRequest($"Request decode failed: {e.Message}"));
        }
    }

    private static IResult TooLarge(long size, int maxBytes) => ConsulResults.Error(
        StatusCodes.Status413PayloadTooLarge,
        $"Request body({size} bytes) too large, max size: {maxBytes} bytes. See https://developer.hashicorp.com/consul/docs/agent/config/config-files#kv_max_value_size.");
}
