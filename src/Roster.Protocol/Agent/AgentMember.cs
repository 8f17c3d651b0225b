using System.Collections.Immutable;

namespace Roster.Protocol.Agent;

/// <summary>A gossip pool member: the elements of <c>/v1/agent/members</c> and the <c>Member</c> of <c>/v1/agent/self</c>.</summary>
public sealed record AgentMember
{
    /// <summary>Node name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Gossip address.</summary>
    public string Addr { get; init; } = "";

    /// <summary>Gossip port (8301 for LAN).</summary>
    public ushort Port { get; init; }

    /// <summary>Member tags: <c>role</c> (<c>consul</c> for a server), <c>dc</c>, <c>id</c>, <c>port</c>, <c>build</c>…</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Serf status: 1 alive, 2 leaving, 3 left, 4 failed.</summary>
    public int Status { get; init; }

    /// <summary>Lowest gossip protocol version understood.</summary>
    public byte ProtocolMin { get; init; }

    /// <summary>Highest gossip protocol version understood.</summary>
    public byte ProtocolMax { get; init; }

    /// <summary>Gossip protocol version spoken.</summary>
    public byte ProtocolCur { get; init; }

    /// <summary>Lowest delegate protocol version understood.</summary>
    public byte DelegateMin { get; init; }

    /// <summary>Highest delegate protocol version understood.</summary>
    public byte DelegateMax { get; init; }

    /// <summary>Delegate protocol version spoken.</summary>
    public byte DelegateCur { get; init; }
}
