namespace Roster.HAProxy.Servers;

/// <summary>What to do to HAProxy's servers so that they match the registry; each list is sorted by name.</summary>
/// <param name="Add">Servers to create (<c>add server</c>, then enable health and the server).</param>
/// <param name="Remove">Servers to take out (drain, wait for no connections, maint, <c>del server</c>); the current
/// state says where to start: one already in MAINT needs no drain.</param>
/// <param name="Enable">Servers that exist with the right endpoint but are draining or in maintenance, and that the
/// registry wants: set them ready (and enable health) rather than delete and re-create them.</param>
/// <remarks>
/// A name can be in both <see cref="Remove"/> and <see cref="Add"/>: HAProxy has it with another endpoint, and it is
/// re-created rather than re-pointed. The applier must finish removing such a name before adding it.
/// </remarks>
internal sealed record ServerChanges(
    IReadOnlyList<BackendServer> Add, IReadOnlyList<CurrentServer> Remove, IReadOnlyList<BackendServer> Enable)
{
    public static ServerChanges None { get; } = new([], [], []);

    public bool IsEmpty => Add.Count == 0 && Remove.Count == 0 && Enable.Count == 0;
}
