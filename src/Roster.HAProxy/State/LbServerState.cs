namespace Roster.HAProxy.State;

/// <summary>One server of the backend, as HAProxy's <c>show stat</c> reports it.</summary>
/// <param name="Name">HAProxy's server name.</param>
/// <param name="ServiceId">The registry instance it stands for, when one has its address and port.</param>
/// <param name="Address">Its IP.</param>
/// <param name="Port">Its port.</param>
/// <param name="State">HAProxy's status: UP, DOWN, MAINT, DRAIN, NOLB (with <c>n/m</c> while a check is in transition).</param>
/// <param name="Admin">READY, DRAIN or MAINT: what the controller asked of it.</param>
/// <param name="Sessions">Sessions it carries now (scur).</param>
public sealed record LbServerState(string Name, string? ServiceId, string Address, int Port, string State, string Admin, int Sessions);
