namespace Roster.Protocol.Health;

/// <summary>Values of <see cref="HealthCheck.Type"/> as Consul spells them (empty for <c>serfHealth</c>).</summary>
public static class CheckTypes
{
    /// <summary>A check kept alive by pass/warn/fail/update calls.</summary>
    public const string Ttl = "ttl";

    /// <summary>An HTTP probe.</summary>
    public const string Http = "http";

    /// <summary>A TCP connect probe.</summary>
    public const string Tcp = "tcp";

    /// <summary>A UDP probe.</summary>
    public const string Udp = "udp";

    /// <summary>A gRPC health probe.</summary>
    public const string Grpc = "grpc";

    /// <summary>An HTTP/2 ping probe.</summary>
    public const string H2Ping = "h2ping";

    /// <summary>A script check.</summary>
    public const string Script = "script";

    /// <summary>A script run in a Docker container.</summary>
    public const string Docker = "docker";

    /// <summary>A check mirroring another node or service.</summary>
    public const string Alias = "alias";

    /// <summary>An operating-system service check.</summary>
    public const string OsService = "os_service";

    /// <summary>The check the agent adds for node or service maintenance mode.</summary>
    public const string Maintenance = "maintenance";
}
