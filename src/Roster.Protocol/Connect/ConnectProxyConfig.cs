namespace Roster.Protocol.Connect;

/// <summary>Connect proxy settings of a service; Roster has no service mesh, so this is always Consul's empty form <c>{"Mode":"","MeshGateway":{},"Expose":{}}</c>.</summary>
public sealed record ConnectProxyConfig
{
    /// <summary>Proxy mode; empty for a typical service.</summary>
    public string Mode { get; init; } = "";

    /// <summary>Mesh gateway settings.</summary>
    public MeshGatewayConfig MeshGateway { get; init; } = new();

    /// <summary>Expose settings.</summary>
    public ExposeConfig Expose { get; init; } = new();
}
