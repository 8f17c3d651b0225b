using Roster.Protocol.Json;

namespace Roster.Protocol.Connect;

/// <summary>Mesh gateway settings; <c>{}</c> unless a mode is set.</summary>
public sealed record MeshGatewayConfig
{
    /// <summary>Gateway mode; omitted when empty.</summary>
    [OmitEmpty]
    public string? Mode { get; init; }
}
