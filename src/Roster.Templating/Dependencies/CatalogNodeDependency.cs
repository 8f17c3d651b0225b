using System.Runtime.CompilerServices;

namespace Roster.Templating.Dependencies;

/// <summary>
/// <c>node "name"</c>: one node and its services; an unknown node is an empty node, as consul-template gives. With no
/// name it is the node of the agent the runner talks to.
/// </summary>
internal sealed class CatalogNodeDependency(string name, string? datacenter) : IDependency
{
    public string Key { get; } = $"catalog.node({name}{(datacenter is null ? "" : "@" + datacenter)})";

    public async IAsyncEnumerable<object?> WatchAsync(DependencySource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var node = name;
        while (node.Length == 0)
        {
            node = await LocalNodeAsync(source, cancellationToken);
        }

        await foreach (var result in source.Watch.WatchAsync(
            Key, (q, ct) => source.Consul.Catalog.NodeAsync(node, q, ct), DependencySource.Options(datacenter), cancellationToken))
        {
            yield return DataMapping.CatalogNode(result.Value);
        }
    }

    // The agent may be starting: ask again after a pause rather than fail the template.
    private static async Task<string> LocalNodeAsync(DependencySource source, CancellationToken cancellationToken)
    {
        try
        {
            return (await source.Consul.Agent.SelfAsync(cancellationToken: cancellationToken)).Config.NodeName;
        }
        catch (Exception e) when (e is HttpRequestException or Client.ConsulException)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), source.Time, cancellationToken);
            return "";
        }
    }
}
