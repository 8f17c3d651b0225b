using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roster.HAProxy.State;

/// <summary>
/// What one <c>roster lb</c> shows the rest of the system: where it listens and HAProxy's view of every server. It is
/// published as JSON at <c>roster/haproxy/SERVICE</c> in the registry's KV, where the dashboard and <c>roster status</c> read it.
/// </summary>
public sealed record LbState
{
    /// <summary>The KV prefix every load balancer publishes under; the key is the prefix plus the service name.</summary>
    public const string KeyPrefix = "roster/haproxy/";

    public required string Service { get; init; }

    /// <summary>The HAProxy backend that holds the service's servers (its name made safe for HAProxy).</summary>
    public required string Backend { get; init; }

    /// <summary>HAProxy's frontend, <c>IP:PORT</c>.</summary>
    public required string Bind { get; init; }

    /// <summary><c>runtime</c>, <c>reload</c> or <c>dns</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>HAProxy's master process.</summary>
    public int Pid { get; init; }

    /// <summary>The Runtime API socket, where <c>roster status</c> asks HAProxy directly.</summary>
    public required string AdminSocket { get; init; }

    public DateTimeOffset Updated { get; init; }

    public IReadOnlyList<LbServerState> Servers { get; init; } = [];

    [JsonIgnore]
    public string Key => KeyPrefix + Service;

    /// <summary>The state a KV value holds; null when it is not one (another version's, or not roster's).</summary>
    public static LbState? TryParse(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, LbStateJson.Default.LbState);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the two differ in anything but <see cref="Updated"/>: only such a change is worth a KV write.</summary>
    public bool SameAs(LbState? other) =>
        other is not null && other.Service == Service && other.Backend == Backend && other.Bind == Bind && other.Mode == Mode && other.Pid == Pid &&
        other.AdminSocket == AdminSocket && other.Servers.SequenceEqual(Servers);
}
