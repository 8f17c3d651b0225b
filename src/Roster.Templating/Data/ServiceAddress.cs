namespace Roster.Templating.Data;

/// <summary>One tagged address of a service (Consul's api.ServiceAddress).</summary>
public sealed record ServiceAddress
{
    /// <summary>The address.</summary>
    public string Address { get; init; } = "";

    /// <summary>The port.</summary>
    public int Port { get; init; }
}
