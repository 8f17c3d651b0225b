namespace Roster.Protocol.Catalog;

/// <summary>An address and port under a tag such as <c>lan_ipv4</c> (PascalCase on the wire, whatever some doc samples show).</summary>
public sealed record ServiceAddress
{
    /// <summary>IP address or hostname.</summary>
    public string Address { get; init; } = "";

    /// <summary>Port number.</summary>
    public int Port { get; init; }
}
