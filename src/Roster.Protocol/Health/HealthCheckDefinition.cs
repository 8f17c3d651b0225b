using System.Text.Json.Serialization;
using Roster.Protocol.Json;

namespace Roster.Protocol.Health;

/// <summary>
/// The <c>Definition</c> of a health check, every field omitted when empty, in the order Consul writes them.
/// Go clients (consul-template) parse its durations strictly, so they are Go duration text or absent, never <c>""</c>.
/// </summary>
public sealed record HealthCheckDefinition
{
    /// <summary>How often the check runs.</summary>
    [OmitEmpty]
    public TimeSpan? Interval { get; init; }

    /// <summary>Maximum bytes of output kept.</summary>
    [OmitEmpty]
    public int OutputMaxSize { get; init; }

    /// <summary>Probe timeout.</summary>
    [OmitEmpty]
    public TimeSpan? Timeout { get; init; }

    /// <summary>How long the check may stay critical before its service is deregistered.</summary>
    [OmitEmpty]
    public TimeSpan? DeregisterCriticalServiceAfter { get; init; }

    /// <summary>URL of an HTTP check.</summary>
    [JsonPropertyName("HTTP")]
    [OmitEmpty]
    public string? Http { get; init; }

    /// <summary>TLS server name of an HTTPS check.</summary>
    [JsonPropertyName("TLSServerName")]
    [OmitEmpty]
    public string? TlsServerName { get; init; }

    /// <summary>Whether an HTTPS check skips certificate verification.</summary>
    [JsonPropertyName("TLSSkipVerify")]
    [OmitEmpty]
    public bool TlsSkipVerify { get; init; }

    /// <summary>Request headers of an HTTP check.</summary>
    [OmitEmpty]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Header { get; init; }

    /// <summary>Method of an HTTP check.</summary>
    [OmitEmpty]
    public string? Method { get; init; }

    /// <summary>Request body of an HTTP check.</summary>
    [OmitEmpty]
    public string? Body { get; init; }

    /// <summary>Whether an HTTP check stops at redirects.</summary>
    [OmitEmpty]
    public bool DisableRedirects { get; init; }

    /// <summary>Address (host:port) of a TCP check.</summary>
    [JsonPropertyName("TCP")]
    [OmitEmpty]
    public string? Tcp { get; init; }

    /// <summary>Address (host:port) of a UDP check.</summary>
    [JsonPropertyName("UDP")]
    [OmitEmpty]
    public string? Udp { get; init; }
}
