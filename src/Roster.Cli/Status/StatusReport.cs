namespace Roster.Cli.Status;

/// <summary>What <c>roster status</c> shows: every instance with its health and HAProxy's view of it, and the load balancers.</summary>
internal sealed record StatusReport(string Registry, IReadOnlyList<StatusInstance> Instances, IReadOnlyList<StatusBalancer> Balancers);

/// <summary>One instance; <paramref name="HAProxy"/> is the state of its HAProxy server, null when no load balancer has it.</summary>
/// <param name="Service">The service name.</param>
/// <param name="Id">The instance ID.</param>
/// <param name="Address">Where it is reached.</param>
/// <param name="Port">Its port.</param>
/// <param name="Pid">The PID it registered, when it did.</param>
/// <param name="Health">passing, warning or critical.</param>
/// <param name="HAProxy">UP, DOWN, MAINT, DRAIN…; null when not behind HAProxy.</param>
/// <param name="Sessions">Its HAProxy sessions now.</param>
internal sealed record StatusInstance(string Service, string Id, string Address, int Port, int? Pid, string Health, string? HAProxy, int? Sessions);

/// <summary>One <c>roster lb</c>; <paramref name="Source"/> says whether its servers were read live or from what it published.</summary>
/// <param name="Service">The service it balances.</param>
/// <param name="Bind">Its frontend.</param>
/// <param name="Mode">runtime, reload or dns.</param>
/// <param name="Pid">HAProxy's master PID.</param>
/// <param name="Source"><c>runtime api</c>, or <c>published</c> when the socket could not be read from here.</param>
/// <param name="Strangers">Servers HAProxy has that match no registered instance (being drained, or left over).</param>
internal sealed record StatusBalancer(string Service, string Bind, string Mode, int Pid, string Source, IReadOnlyList<StatusServer> Strangers);

/// <summary>An HAProxy server with no registry instance behind it.</summary>
/// <param name="Name">HAProxy's server name.</param>
/// <param name="Endpoint">Its address and port.</param>
/// <param name="State">HAProxy's state.</param>
/// <param name="Sessions">Its sessions now.</param>
internal sealed record StatusServer(string Name, string Endpoint, string State, int Sessions);
