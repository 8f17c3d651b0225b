namespace Roster.Agent.Catalog;

/// <summary>The blocking topics catalog writes notify; each names the queries whose results the write can change.</summary>
internal static class CatalogTopics
{
    /// <summary>health/service, catalog/service and health/checks of one service name.</summary>
    public static string Service(string name) => "service:" + name;

    /// <summary>catalog/services: the set of names and their tags.</summary>
    public const string Services = "catalog:services";

    /// <summary>catalog/nodes, catalog/node, health/node: anything on the node.</summary>
    public const string Node = "catalog:node";

    /// <summary>health/state: any check.</summary>
    public const string Checks = "catalog:checks";
}
