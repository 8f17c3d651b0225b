namespace Roster.Protocol.Agent;

/// <summary>The body of <c>PUT /v1/agent/check/update/:check_id</c>; both keys are optional to the decoder.</summary>
public sealed record CheckUpdate
{
    /// <summary>New status; anything but passing, warning or critical is <c>400 Invalid check status: '&lt;s&gt;'</c>.</summary>
    public string? Status { get; init; }

    /// <summary>New output.</summary>
    public string? Output { get; init; }
}
