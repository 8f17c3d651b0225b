namespace Roster.Client.Tests.Integration;

/// <summary>The catalog's node reads through <see cref="ConsulClient"/> against the real embedded agent.</summary>
public sealed class CatalogNodeTests
{
    [Fact]
    public async Task NodesAsync_DevAgent_ListsItsOwnNode()
    {
        await using var agent = await RunningAgent.StartAsync();

        var nodes = await agent.Client.Catalog.NodesAsync();

        var node = Assert.Single(nodes.Value);
        Assert.False(string.IsNullOrEmpty(node.Name));
        Assert.Equal("127.0.0.1", node.Address);
        Assert.True(nodes.LastIndex > 0);
    }

    [Fact]
    public async Task NodeAsync_KnownNode_CarriesItsServices()
    {
        await using var agent = await RunningAgent.StartAsync();
        await agent.Client.Agent.RegisterServiceAsync(new Roster.Protocol.Agent.ServiceDefinition { Name = "web", Id = "web-1", Port = 20001 });
        var name = Assert.Single((await agent.Client.Catalog.NodesAsync()).Value).Name;

        var node = await agent.Client.Catalog.NodeAsync(name);

        Assert.Equal(name, node.Value!.Node.Name);
        Assert.Equal(20001, node.Value.Services!["web-1"].Port);
    }

    [Fact]
    public async Task NodeAsync_UnknownNode_IsNullAsConsulAnswers()
    {
        await using var agent = await RunningAgent.StartAsync();

        var node = await agent.Client.Catalog.NodeAsync("no-such-node");

        Assert.Null(node.Value);
        Assert.True(node.LastIndex > 0);
    }
}
