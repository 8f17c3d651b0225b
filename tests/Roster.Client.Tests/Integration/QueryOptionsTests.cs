using System.Net;

namespace Roster.Client.Tests.Integration;

/// <summary>Datacenter and stale settings reach the agent as Consul's query parameters.</summary>
public sealed class QueryOptionsTests
{
    [Fact]
    public async Task Datacenter_TheAgentsOwn_IsServedAndAnotherIs500NoPath()
    {
        await using var agent = await RunningAgent.StartAsync();
        var catalog = agent.Client.Catalog;

        var own = await catalog.ServicesAsync(new QueryOptions { Datacenter = "dc1", Stale = true });
        var error = await Assert.ThrowsAsync<ConsulException>(() => catalog.ServicesAsync(new QueryOptions { Datacenter = "dc9" }));

        Assert.Contains("consul", own.Value.Keys);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("No path to datacenter", error.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaderAsync_OnTheEmbeddedAgent_IsItsServerAddress()
    {
        await using var agent = await RunningAgent.StartAsync();

        Assert.Equal("127.0.0.1:8300", await agent.Client.Status.LeaderAsync());
    }
}
