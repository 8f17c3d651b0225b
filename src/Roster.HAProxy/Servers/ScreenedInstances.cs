namespace Roster.HAProxy.Servers;

/// <summary>The outcome of <see cref="InstanceScreen.Screen"/>: the servers to run and the instances refused.</summary>
internal sealed record ScreenedInstances(IReadOnlyList<BackendServer> Servers, IReadOnlyList<InstanceRefusal> Refusals);
