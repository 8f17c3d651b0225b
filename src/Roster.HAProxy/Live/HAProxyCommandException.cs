namespace Roster.HAProxy.Live;

/// <summary>HAProxy refused a Runtime API command; the message is HAProxy's own reply.</summary>
public sealed class HAProxyCommandException(string command, string reply) : Exception($"HAProxy refused '{command}': {reply.Trim()}")
{
    public string Reply { get; } = reply;
}
