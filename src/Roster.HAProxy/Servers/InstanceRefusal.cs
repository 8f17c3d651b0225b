namespace Roster.HAProxy.Servers;

/// <summary>A registry instance that will not become an HAProxy server, and why.</summary>
/// <remarks>
/// <see cref="InstanceId"/> and <see cref="NodeName"/> are the registry's raw strings and may be hostile: log them as
/// structured values, never splice them into a config. <see cref="Reason"/> never quotes the offending text.
/// </remarks>
internal sealed record InstanceRefusal(string InstanceId, string NodeName, string Reason);
