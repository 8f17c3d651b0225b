using Roster.Protocol.Json;

namespace Roster.Protocol.Connect;

/// <summary>Expose settings of a proxy; <c>{}</c> unless checks are exposed.</summary>
public sealed record ExposeConfig
{
    /// <summary>Whether checks are exposed through the proxy; omitted when false.</summary>
    [OmitEmpty]
    public bool Checks { get; init; }
}
