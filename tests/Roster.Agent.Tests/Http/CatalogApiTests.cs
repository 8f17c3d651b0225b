using System.Net;
using System.Text.Json.Nodes;

namespace Roster.Agent.Tests.Http;

/// <summary>/v1/catalog/*: services and their tags, one service's instances, nodes, one node (consul-api.md §1.10, §6.6).</summary>
public sealed class CatalogApiTests
{
    [Fact]
    public async Task CatalogServices_Always_ListsConsulAndTheUnionOfEachServicesTags()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-1","Tags":["a","b"]}""");
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-2","Tags":["b","c"]}""");
        await agent.RegisterAsync("""{"Name":"bare"}""");

        var services = (await agent.GetJsonAsync("/v1/catalog/services"))!.AsObject();

        Assert.Equal("[]", services["consul"]!.ToJsonString());
        Assert.Equal("[]", services["bare"]!.ToJsonString());
        Assert.Equal("a,b,c", string.Join(',', services["svc"]!.AsArray().Select(t => (string?)t).Order(StringComparer.Ordinal)));
        Assert.Equal(3, services.Count);
    }

    [Fact]
    public async Task CatalogService_Entry_HasConsulsServiceNodeFields()
    {
        await using var agent = await AgentServer.StartAsync(o => o with { NodeName = "node-7" });
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-1","Address":"10.1.2.3","Port":8080,"Tags":["a"],"Meta":{"env":"prod"}}""");

        var entry = Assert.Single((await agent.GetJsonAsync("/v1/catalog/service/svc"))!.AsArray())!;

        Assert.Equal("node-7", (string?)entry["Node"]);
        Assert.Equal("127.0.0.1", (string?)entry["Address"]);
        Assert.Equal("dc1", (string?)entry["Datacenter"]);
        Assert.Equal("svc-1", (string?)entry["ServiceID"]);
        Assert.Equal("svc", (string?)entry["ServiceName"]);
        Assert.Equal("10.1.2.3", (string?)entry["ServiceAddress"]);
        Assert.Equal(8080, (int?)entry["ServicePort"]);
        Assert.Equal("""["a"]""", entry["ServiceTags"]!.ToJsonString());
        Assert.Equal("""{"env":"prod"}""", entry["ServiceMeta"]!.ToJsonString());
        Assert.Equal("""{"Passing":1,"Warning":1}""", entry["ServiceWeights"]!.ToJsonString());
        Assert.False((bool?)entry["ServiceEnableTagOverride"]);
    }

    [Fact]
    public async Task CatalogService_NoAddress_LeavesServiceAddressEmptyForTheNodeAddress()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Port":8080}""");

        var entry = Assert.Single((await agent.GetJsonAsync("/v1/catalog/service/svc"))!.AsArray())!;

        Assert.Equal("", (string?)entry["ServiceAddress"]);
        Assert.Equal("127.0.0.1", (string?)entry["Address"]);
        Assert.Equal("[]", entry["ServiceTags"]!.ToJsonString());
    }

    [Theory]
    [InlineData("?tag=a&tag=b", "svc-ab")]
    [InlineData("?tag=b", "svc-ab,svc-b")]
    [InlineData("", "svc-ab,svc-b")]
    public async Task CatalogService_Tags_InstanceMustHaveEveryTag(string query, string ids)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-ab","Tags":["a","b"]}""");
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-b","Tags":["b"]}""");

        var entries = (await agent.GetJsonAsync("/v1/catalog/service/svc" + query))!.AsArray();

        Assert.Equal(ids, string.Join(',', entries.Select(e => (string?)e!["ServiceID"]).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task CatalogService_Unknown_IsEmptyArray()
    {
        await using var agent = await AgentServer.StartAsync();

        Assert.Equal("[]", (await agent.GetJsonAsync("/v1/catalog/service/nope"))!.ToJsonString());
    }

    [Theory]
    [InlineData("/v1/catalog/service/", "Missing service name")]
    [InlineData("/v1/catalog/node/", "Missing node name")]
    public async Task Catalog_MissingName_Is400(string path, string text)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(text, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CatalogNodes_OneNode_IsTheAgentWithConsulsNodeShape()
    {
        await using var agent = await AgentServer.StartAsync(o => o with { NodeName = "node-7" });

        var node = Assert.Single((await agent.GetJsonAsync("/v1/catalog/nodes"))!.AsArray())!;

        Assert.Equal("node-7", (string?)node["Node"]);
        Assert.Equal("127.0.0.1", (string?)node["Address"]);
        Assert.Equal("dc1", (string?)node["Datacenter"]);
        Assert.True(Guid.TryParse((string?)node["ID"], out _), $"ID {node["ID"]} is not a UUID");
        Assert.Equal("127.0.0.1", (string?)node["TaggedAddresses"]!["lan"]);
        Assert.Equal("127.0.0.1", (string?)node["TaggedAddresses"]!["wan"]);
    }

    [Fact]
    public async Task CatalogNode_AgentsNode_ListsItsServicesIncludingConsul()
    {
        await using var agent = await AgentServer.StartAsync(o => o with { NodeName = "node-7" });
        await agent.RegisterAsync("""{"Name":"svc","Port":20001,"Tags":["a"]}""");

        var body = await agent.GetJsonAsync("/v1/catalog/node/node-7");

        Assert.Equal("node-7", (string?)body!["Node"]!["Node"]);
        var services = body["Services"]!.AsObject();
        Assert.Equal("consul,svc", string.Join(',', services.Select(s => s.Key).Order(StringComparer.Ordinal)));
        Assert.Equal("svc", (string?)services["svc"]!["Service"]);
        Assert.Equal(20001, (int?)services["svc"]!["Port"]);
        Assert.Equal("""["a"]""", services["svc"]!["Tags"]!.ToJsonString());
        Assert.Equal(8300, (int?)services["consul"]!["Port"]);
    }

    [Fact]
    public async Task CatalogNode_Unknown_Is200WithNullBody()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync("/v1/catalog/node/nope");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("null", (await response.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Catalog_AfterDeregistration_ForgetsTheService()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Tags":["a"]}""");

        await agent.PutOkAsync("/v1/agent/service/deregister/svc");

        Assert.Null((await agent.GetJsonAsync("/v1/catalog/services"))!["svc"]);
        Assert.Equal("[]", (await agent.GetJsonAsync("/v1/catalog/service/svc"))!.ToJsonString());
        Assert.IsType<JsonArray>(await agent.GetJsonAsync("/v1/catalog/nodes"));
    }
}
