using Roster.Protocol.Json;

namespace Roster.Protocol.Connect;

/// <summary>Connect settings of a service; <c>{}</c> for a typical service.</summary>
public sealed record ServiceConnect
{
    /// <summary>Whether the service speaks Connect natively; omitted when false.</summary>
    [OmitEmpty]
    public bool Native { get; init; }
}
