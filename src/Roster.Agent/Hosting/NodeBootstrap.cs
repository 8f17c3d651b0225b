using Roster.Agent.Catalog;
using Roster.Protocol.Health;

namespace Roster.Agent.Hosting;

/// <summary>
/// What every Consul server's catalog holds from the start: the node's serfHealth check (passing) and the server's
/// own service "consul" on port 8300, so `{{range services}}` templates and catalog listings look as they do on Consul.
/// </summary>
internal static class NodeBootstrap
{
    public const string ConsulServiceId = "consul";
    public const string SerfHealthId = "serfHealth";

    public static void Seed(CatalogStore catalog)
    {
        catalog.RegisterService(new ServiceInstance { Id = ConsulServiceId, Name = "consul", Port = 8300 }, [], replaceExistingChecks: false);
        catalog.RegisterCheck(new CheckInstance
        {
            Id = SerfHealthId,
            Name = "Serf Health Status",
            Status = CheckStatus.Passing,
            Output = "Agent alive and reachable",
        });
    }

    /// <summary>Entries the agent made itself, which Consul's /v1/agent/* endpoints do not list.</summary>
    public static bool IsBuiltIn(ServiceInstance service) => service.Id == ConsulServiceId;

    public static bool IsBuiltIn(CheckInstance check) => check.Id == SerfHealthId;
}
