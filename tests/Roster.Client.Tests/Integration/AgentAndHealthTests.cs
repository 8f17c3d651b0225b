using System.Net;
using Roster.Client.Watch;
using Roster.Protocol.Agent;
using Roster.Protocol.Health;

namespace Roster.Client.Tests.Integration;

/// <summary>Registration, TTL checks and health reads through <see cref="ConsulClient"/> against the real embedded agent.</summary>
public sealed class AgentAndHealthTests
{
    [Fact]
    public async Task RegisterServiceAsync_ThenPassTtl_HealthServiceReportsItPassing()
    {
        await using var agent = await RunningAgent.StartAsync();
        var client = agent.Client;

        await client.Agent.RegisterServiceAsync(Web("web-1", 20001));
        var beforePass = await client.Health.ServiceAsync("web", passingOnly: true);
        await client.Agent.PassTtlAsync("service:web-1", note: "ready");
        var afterPass = await client.Health.ServiceAsync("web", passingOnly: true);

        Assert.Empty(beforePass.Value);
        var instance = Assert.Single(afterPass.Value);
        Assert.Equal(("web-1", 20001), (instance.Service.Id, instance.Service.Port));
        var check = Assert.Single(instance.Checks!, c => c.CheckId == "service:web-1");
        Assert.Equal((CheckStatus.Passing, "ready"), (check.Status, check.Output));
        Assert.True(afterPass.LastIndex > beforePass.LastIndex);
        Assert.True(afterPass.KnownLeader);
    }

    [Fact]
    public async Task TtlVerbs_EachSetTheirStatus()
    {
        await using var agent = await RunningAgent.StartAsync();
        var client = agent.Client;
        await client.Agent.RegisterServiceAsync(Web("web-1", 20001));

        await client.Agent.WarnTtlAsync("service:web-1");
        var warning = await StatusAsync(client);
        await client.Agent.UpdateTtlAsync("service:web-1", CheckStatus.Passing, "fine");
        var passing = await StatusAsync(client);
        await client.Agent.FailTtlAsync("service:web-1", "broken");
        var critical = await StatusAsync(client);

        Assert.Equal([CheckStatus.Warning, CheckStatus.Passing, CheckStatus.Critical], [warning, passing, critical]);
    }

    [Fact]
    public async Task ServicesAndCatalog_AfterRegistration_ListTheInstance()
    {
        await using var agent = await RunningAgent.StartAsync();
        var client = agent.Client;

        await client.Agent.RegisterServiceAsync(Web("web-1", 20001) with { Tags = ["v1"] });
        var local = await client.Agent.ServicesAsync();
        var names = await client.Catalog.ServicesAsync();
        var tagged = await client.Catalog.ServiceAsync("web", tags: ["v1"]);
        var otherTag = await client.Catalog.ServiceAsync("web", tags: ["v2"]);

        Assert.Equal("web", local["web-1"].Service);
        Assert.Equal(["v1"], names.Value["web"]);
        Assert.Equal("web-1", Assert.Single(tagged.Value).ServiceId);
        Assert.Empty(otherTag.Value);
        Assert.True(names.LastIndex > 0);
    }

    [Fact]
    public async Task HealthServiceAsync_BlockingOnLastIndex_IsWokenByARegistration()
    {
        await using var agent = await RunningAgent.StartAsync();
        var client = agent.Client;
        await client.Agent.RegisterServiceAsync(Web("web-1", 20001));
        var first = await client.Health.ServiceAsync("web");

        var blocked = client.Health.ServiceAsync("web", options: new QueryOptions { Index = first.LastIndex, Wait = TimeSpan.FromMinutes(1) });
        var heldUntilChange = !blocked.IsCompleted;
        await client.Agent.RegisterServiceAsync(Web("web-2", 20002));
        var woken = await blocked.WaitAsync(Signals.Timeout);

        Assert.True(heldUntilChange);
        Assert.True(woken.LastIndex > first.LastIndex);
        Assert.Equal(["web-1", "web-2"], woken.Value.Select(i => i.Service.Id).Order());
    }

    [Fact]
    public async Task ConsulWatch_OverTheAgent_PublishesEachChangeOfThePassingSet()
    {
        await using var agent = await RunningAgent.StartAsync();
        var client = agent.Client;
        await client.Agent.RegisterServiceAsync(Web("web-1", 20001));
        var watch = new ConsulWatch(TimeProvider.System);
        using var stop = new CancellationTokenSource(Signals.Timeout);
        await using var results = watch.WatchAsync(
            "health.service(web|passing)", (q, ct) => client.Health.ServiceAsync("web", passingOnly: true, options: q, cancellationToken: ct),
            cancellationToken: stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await results.MoveNextAsync());
        var empty = results.Current.Value;
        await client.Agent.PassTtlAsync("service:web-1");
        Assert.True(await results.MoveNextAsync());

        Assert.Empty(empty);
        Assert.Equal("web-1", Assert.Single(results.Current.Value).Service.Id);
    }

    [Fact]
    public async Task PassTtlAsync_UnknownCheck_ThrowsConsulException404WithConsulsText()
    {
        await using var agent = await RunningAgent.StartAsync();

        var error = await Assert.ThrowsAsync<ConsulException>(() => agent.Client.Agent.PassTtlAsync("service:gone"));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("Unknown check ID", error.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeregisterServiceAsync_RegisteredThenUnknown_RemovesThenThrows404()
    {
        await using var agent = await RunningAgent.StartAsync();
        var client = agent.Client;
        await client.Agent.RegisterServiceAsync(Web("web-1", 20001));

        await client.Agent.DeregisterServiceAsync("web-1");
        var error = await Assert.ThrowsAsync<ConsulException>(() => client.Agent.DeregisterServiceAsync("web-1"));

        Assert.Empty((await client.Health.ServiceAsync("web")).Value);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Requests_AgainstAnAgentWithAclToken_UseTheClientTokenOrThePerRequestOne()
    {
        const string Token = "b1d7c0de-0000-4000-8000-000000000001";
        await using var withoutToken = await RunningAgent.StartAsync(aclToken: Token);
        await using var withToken = await RunningAgent.StartAsync(aclToken: Token, clientToken: Token);

        var denied = await Assert.ThrowsAsync<ConsulException>(() => withoutToken.Client.Agent.ServicesAsync());
        var perRequest = await withoutToken.Client.Agent.ServicesAsync(new QueryOptions { Token = Token });
        var fromOptions = await withToken.Client.Status.LeaderAsync();

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.NotNull(perRequest);
        Assert.NotEmpty(fromOptions);
    }

    [Fact]
    public async Task AgentCalls_IdsWithSlashColonAndPercent_AreEscapedIntoOnePathSegment()
    {
        await using var agent = await RunningAgent.StartAsync();
        var client = agent.Client;
        await client.Agent.RegisterServiceAsync(Web("web/a%1", 20001));

        await client.Agent.PassTtlAsync("service:web/a%1");
        var passing = await client.Health.ServiceAsync("web", passingOnly: true);
        await client.Agent.DeregisterServiceAsync("web/a%1");

        Assert.Equal("web/a%1", Assert.Single(passing.Value).Service.Id);
        Assert.Empty(await client.Agent.ServicesAsync());
    }

    private static ServiceDefinition Web(string id, int port) => new()
    {
        Id = id,
        Name = "web",
        Address = "127.0.0.1",
        Port = port,
        Check = new CheckType { Ttl = TimeSpan.FromSeconds(30), DeregisterCriticalServiceAfter = TimeSpan.FromMinutes(1) },
    };

    private static async Task<string> StatusAsync(ConsulClient client) =>
        Assert.Single((await client.Health.ServiceAsync("web")).Value).Checks!.Single(c => c.CheckId == "service:web-1").Status;
}
