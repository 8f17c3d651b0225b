using System.Text.Json.Serialization;
using Roster.Protocol.Json;

namespace Roster.Protocol.Agent;

/// <summary>
/// A check inside a service registration (<c>Check</c> and <c>Checks</c>), with Consul's snake_case aliases.
/// Durations are null when absent; <c>"TTL": 10</c> (a number) is 10 ns, which rounds up to one 100 ns tick.
/// </summary>
[IgnoredFields("ServiceID", "service_id", "ProxyHTTP", "ProxyGRPC")]
public sealed record CheckType
{
    /// <summary>Check ID; Consul derives <c>service:&lt;id&gt;[:n]</c> when empty (there is no <c>ID</c> key here).</summary>
    [JsonPropertyName("CheckID")]
    [OmitEmpty]
    public string? CheckId { get; init; }

    /// <summary>Check name; Consul defaults to <c>Service '&lt;name&gt;' check</c>.</summary>
    [OmitEmpty]
    public string? Name { get; init; }

    /// <summary>Initial status; critical when empty.</summary>
    [OmitEmpty]
    public string? Status { get; init; }

    /// <summary>Free-form notes.</summary>
    [OmitEmpty]
    public string? Notes { get; init; }

    /// <summary>Script command and arguments; also accepted as <c>args</c> and <c>script_args</c>.</summary>
    [OmitEmpty]
    [ConsulAlias("args", "script_args")]
    public IReadOnlyList<string>? ScriptArgs { get; init; }

    /// <summary>URL of an HTTP check.</summary>
    [JsonPropertyName("HTTP")]
    [OmitEmpty]
    public string? Http { get; init; }

    /// <summary>Address of an HTTP/2 ping check.</summary>
    [JsonPropertyName("H2PING")]
    [OmitEmpty]
    public string? H2Ping { get; init; }

    /// <summary>Whether the HTTP/2 ping uses TLS; null means Consul's default (true when <see cref="H2Ping"/> is set).</summary>
    [JsonPropertyName("H2PingUseTLS")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [ConsulAlias("h2ping_use_tls")]
    public bool? H2PingUseTls { get; init; }

    /// <summary>Request headers of an HTTP check.</summary>
    [OmitEmpty]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Header { get; init; }

    /// <summary>Method of an HTTP check (GET when empty).</summary>
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

    /// <summary>How often an HTTP, TCP, UDP, gRPC, H2PING, script or OS-service check runs.</summary>
    [OmitEmpty]
    public TimeSpan? Interval { get; init; }

    /// <summary>Node an alias check mirrors.</summary>
    [OmitEmpty]
    public string? AliasNode { get; init; }

    /// <summary>Service an alias check mirrors.</summary>
    [OmitEmpty]
    public string? AliasService { get; init; }

    /// <summary>Container of a Docker check; also accepted as <c>docker_container_id</c>.</summary>
    [JsonPropertyName("DockerContainerID")]
    [OmitEmpty]
    [ConsulAlias("docker_container_id")]
    public string? DockerContainerId { get; init; }

    /// <summary>Shell of a Docker check.</summary>
    [OmitEmpty]
    public string? Shell { get; init; }

    /// <summary>Endpoint of a gRPC check.</summary>
    [JsonPropertyName("GRPC")]
    [OmitEmpty]
    public string? Grpc { get; init; }

    /// <summary>Whether a gRPC check uses TLS; also accepted as <c>grpc_use_tls</c>.</summary>
    [JsonPropertyName("GRPCUseTLS")]
    [OmitEmpty]
    [ConsulAlias("grpc_use_tls")]
    public bool GrpcUseTls { get; init; }

    /// <summary>Operating-system service of an OS-service check.</summary>
    [JsonPropertyName("OSService")]
    [OmitEmpty]
    public string? OsService { get; init; }

    /// <summary>TLS server name of an HTTPS or gRPC check; also accepted as <c>tls_server_name</c>.</summary>
    [JsonPropertyName("TLSServerName")]
    [OmitEmpty]
    [ConsulAlias("tls_server_name")]
    public string? TlsServerName { get; init; }

    /// <summary>Whether certificate verification is skipped; also accepted as <c>tls_skip_verify</c>.</summary>
    [JsonPropertyName("TLSSkipVerify")]
    [OmitEmpty]
    [ConsulAlias("tls_skip_verify")]
    public bool TlsSkipVerify { get; init; }

    /// <summary>Probe timeout (10 s when absent).</summary>
    [OmitEmpty]
    public TimeSpan? Timeout { get; init; }

    /// <summary>Time to live of a TTL check.</summary>
    [JsonPropertyName("TTL")]
    [OmitEmpty]
    public TimeSpan? Ttl { get; init; }

    /// <summary>Consecutive successes needed before passing.</summary>
    [OmitEmpty]
    public int SuccessBeforePassing { get; init; }

    /// <summary>Consecutive failures needed before warning.</summary>
    [OmitEmpty]
    public int FailuresBeforeWarning { get; init; }

    /// <summary>Consecutive failures needed before critical.</summary>
    [OmitEmpty]
    public int FailuresBeforeCritical { get; init; }

    /// <summary>Deregister the service after this long critical; also accepted as <c>deregister_critical_service_after</c>.</summary>
    [OmitEmpty]
    [ConsulAlias("deregister_critical_service_after")]
    public TimeSpan? DeregisterCriticalServiceAfter { get; init; }

    /// <summary>Maximum bytes of output kept.</summary>
    [OmitEmpty]
    public int OutputMaxSize { get; init; }
}
