using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roster.Agent.Hosting;
using Roster.Agent.Http;
using Roster.Protocol.Agent;

namespace Roster.Agent.Agent;

/// <summary>/v1/agent/self and /v1/agent/members: who this agent is, as a one-node Consul server in dev mode.</summary>
internal static class AgentSelfApi
{
    /// <summary>The Consul version this agent's API follows; clients read it from Config.Version and member tags.</summary>
    public const string ConsulVersion = "1.20.0";

    public static void MapAgentSelfApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsul("/v1/agent/self", ConsulRoutes.Get, GetSelf);
        endpoints.MapConsul("/v1/agent/members", ConsulRoutes.Get, GetMembers);
    }

    private static IResult GetSelf(AgentIdentity identity) => ConsulResults.Json(new AgentSelf
    {
        Config = new AgentConfig
        {
            Datacenter = identity.Datacenter,
            PrimaryDatacenter = identity.Datacenter,
            NodeName = identity.NodeName,
            NodeId = identity.NodeId,
            Revision = "roster",
            Server = true,
            Version = ConsulVersion,
            BuildDate = "2026-01-01T00:00:00Z",
        },
        Member = Member(identity),
    });

    private static IResult GetMembers(AgentIdentity identity) => ConsulResults.Json(new[] { Member(identity) });

    private static AgentMember Member(AgentIdentity identity) => new()
    {
        Name = identity.NodeName,
        Addr = identity.Address,
        Port = 8301,
        Tags = new Dictionary<string, string>
        {
            ["role"] = "consul",
            ["dc"] = identity.Datacenter,
            ["id"] = identity.NodeId,
            ["port"] = "8300",
            ["bootstrap"] = "1",
            ["build"] = ConsulVersion,
            ["vsn"] = "2",
            ["raft_vsn"] = "3",
            ["acls"] = "0",
            ["segment"] = "",
        },
        Status = 1,
        ProtocolMin = 1,
        ProtocolMax = 5,
        ProtocolCur = 2,
        DelegateMin = 2,
        DelegateMax = 5,
        DelegateCur = 4,
    };
}
