using System.Text.Json.Serialization;
using Roster.Protocol.Json;

namespace Roster.Protocol.Agent;

/// <summary>
/// The body of <c>PUT /v1/agent/check/register</c>: a check's identity plus every <see cref="CheckType"/> field
/// (with <c>ID</c> in place of <c>CheckID</c>), and the same snake_case aliases plus <c>service_id</c> and <c>disable_redirects</c>.
/// </summary>
[IgnoredFields("Namespace", "Partition")]
public sealed record CheckDefinition
{
    /// <summary>Check ID; Consul uses <see cref="Name"/> when it is empty.</summary>
    [JsonPropertyName("ID")]
    [OmitEmpty]
    public string? Id { get; init; }

    /// <summary>Check name; required (<c>400 Missing check name</c>).</summary>
    [OmitEmpty]
    public string? Name { get; init; }

    /// <summary>Free-form notes.</summary>
    [OmitEmpty]
    public string? Notes { get; init; }

    /// <summary>Service instance the check belongs to; also accepted as <c>service_id</c>.</summary>
    [JsonPropertyName("ServiceID")]
    [OmitEmpty]
    [ConsulAlias("service_id")]
    public string? ServiceId { get; init; }

    /// <summary>ACL token for this check.</summary>
    [OmitEmpty]
    public string? Token { get; init; }

    /// <summary>Initial status; critical when empty.</summary>
    [OmitEmpty]
    public string? Status { get; init; }

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

    /// <summary>Whether an HTTP check stops at redirects; also accepted as <c>disable_redirects</c>.</summary>
    [OmitEmpty]
    [ConsulAlias("disable_redirects")]
    public bool DisableRedirects { get; init; }

    /// <summary>Address (host:port) of a TCP check.</summary>
    [JsonPropertyName("TCP")]
    [OmitEmpty]
    public string? Tcp { get; init; }

    /// <summary>Address (host:port) of a UDP check.</summary>
    [JsonPropertyName("UDP")]
    [OmitEmpty]
    public string? Udp { get; init; }

    /// <summary>How often an interval check runs.</summary>
    [OmitEmpty]
    public TimeSpan? Interval { get; init; }

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

    /// <summary>TLS server name; also accepted as <c>tls_server_name</c>.</summary>
    [JsonPropertyName("TLSServerName")]
    [OmitEmpty]
    [ConsulAlias("tls_server_name")]
    public string? TlsServerName { get; init; }

    /// <summary>Whether certificate verification is skipped; also accepted as <c>tls_skip_verify</c>.</summary>
    [JsonPropertyName("TLSSkipVerify")]
    [OmitEmpty]
    [ConsulAlias("tls_skip_verify")]
    public bool TlsSkipVerify { get; init; }

    /// <summary>Node an alias check mirrors.</summary>
    [OmitEmpty]
    public string? AliasNode { get; init; }

    /// <summary>Service an alias check mirrors.</summary>
    [OmitEmpty]
    public string? AliasService { get; init; }

    /// <summary>Probe timeout.</summary>
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

    /// <summary>The check as a <see cref="CheckType"/>, field for field, <see cref="Id"/> becoming CheckID (Consul's <c>CheckDefinition.CheckType()</c>).</summary>
    public CheckType ToCheckType() => new()
    {
        CheckId = Id,
        Name = Name,
        Status = Status,
        Notes = Notes,
        ScriptArgs = ScriptArgs,
        Http = Http,
        H2Ping = H2Ping,
        H2PingUseTls = H2PingUseTls,
        Header = Header,
        Method = Method,
        Body = Body,
        DisableRedirects = DisableRedirects,
        Tcp = Tcp,
        Udp = Udp,
        Interval = Interval,
        AliasNode = AliasNode,
        AliasService = AliasService,
        DockerContainerId = DockerContainerId,
        Shell = Shell,
        Grpc = Grpc,
        GrpcUseTls = GrpcUseTls,
        OsService = OsService,
        TlsServerName = TlsServerName,
        TlsSkipVerify = TlsSkipVerify,
        Timeout = Timeout,
        Ttl = Ttl,
        SuccessBeforePassing = SuccessBeforePassing,
        FailuresBeforeWarning = FailuresBeforeWarning,
        FailuresBeforeCritical = FailuresBeforeCritical,
        DeregisterCriticalServiceAfter = DeregisterCriticalServiceAfter,
        OutputMaxSize = OutputMaxSize,
    };
}
