namespace Roster.Agent.Checks;

/// <summary>The check kinds this agent runs, spelled as Consul's HealthCheck.Type.</summary>
internal static class CheckKinds
{
    public const string Ttl = "ttl";
    public const string Http = "http";
    public const string Tcp = "tcp";
    public const string Maintenance = "maintenance";
}
