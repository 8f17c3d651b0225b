using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Roster.Agent.Hosting;
using Roster.Agent.Http;

namespace Roster.Agent.Status;

/// <summary>/v1/status: a one-node cluster whose leader, and only peer, is this agent's server address.</summary>
internal static class StatusApi
{
    public static void MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsul("/v1/status/leader", ConsulRoutes.Get, GetLeader);
        endpoints.MapConsul("/v1/status/peers", ConsulRoutes.Get, GetPeers);
    }

    private static IResult GetLeader(AgentIdentity identity) => ConsulResults.Json(identity.ServerAddress);

    private static IResult GetPeers(AgentIdentity identity) => ConsulResults.Json(new[] { identity.ServerAddress });
}
