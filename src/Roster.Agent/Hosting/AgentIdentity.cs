namespace Roster.Agent.Hosting;

/// <summary>Who this agent is, fixed at start-up: the one node of its catalog, and the leader of its one-node cluster.</summary>
internal sealed record AgentIdentity(string NodeName, string NodeId, string Datacenter, string Address)
{
    /// <summary>Consul's server RPC address, which clients read as the leader and only peer.</summary>
    public string ServerAddress => $"{Address}:8300";

    public static AgentIdentity From(AgentOptions options) =>
        new(options.NodeName, Guid.NewGuid().ToString(), options.Datacenter, "127.0.0.1");
}
