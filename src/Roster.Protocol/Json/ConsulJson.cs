using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Roster.Protocol.Json;

/// <summary>Consul's JSON conventions: the serializer options for what Consul writes, and Consul's strict request-body decoder.</summary>
public static class ConsulJson
{
    /// <summary>
    /// Options for Consul's output: property names exactly as declared (Consul's PascalCase), compact, Go durations,
    /// Go's <c>omitempty</c> where Consul has it, strings escaped as Go escapes them. They also write request records
    /// the way Go's api client does, and read Consul's output case-insensitively (unknown fields ignored), as Go clients do.
    /// </summary>
    public static JsonSerializerOptions ResponseOptions { get; } = CreateResponseOptions();

    /// <summary>
    /// Decodes a request body as Consul's HTTP handlers do: case-insensitive keys, the snake_case aliases, unknown fields
    /// rejected, <c>null</c> meaning "not given", durations as Go strings or nanosecond numbers, only the first JSON value read.
    /// </summary>
    /// <exception cref="ConsulDecodeException">The body is empty, malformed, or not what Consul accepts; the message is Go's text.</exception>
    public static T Decode<T>(ReadOnlySpan<byte> body) => RequestDecoder.Decode<T>(body, ResponseOptions);

    private static JsonSerializerOptions CreateResponseOptions()
    {
        var options = new JsonSerializerOptions
        {
            // Go's decoder matches keys case-insensitively, so clients reading Consul through these options should too.
            PropertyNameCaseInsensitive = true,

            // Strings escaped as Go escapes them (HTML-safe, non-ASCII raw), so bodies match Consul's byte for byte.
            Encoder = GoJsonEncoder.Instance,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmpty.Apply } },
            Converters = { new GoDurationJsonConverter() },
        };
        options.MakeReadOnly();
        return options;
    }
}
