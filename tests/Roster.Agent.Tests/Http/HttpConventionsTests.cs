using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Roster.Agent.Tests.Http;

/// <summary>Consul's HTTP conventions (consul-api.md §1.1–1.3, §6.1): routing, verbs, bodies, query parameters, bad input.</summary>
public sealed class HttpConventionsTests
{
    [Fact]
    public async Task UnknownPath_UnderV1_Is404InvalidUrlPath()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync("/v1/nonexistent");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("Invalid URL path", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/v1/agent/service/register", "OPTIONS,PUT")]
    [InlineData("POST", "/v1/agent/check/register", "OPTIONS,PUT")]
    [InlineData("PUT", "/v1/agent/services", "OPTIONS,GET")]
    [InlineData("DELETE", "/v1/health/service/web", "OPTIONS,GET")]
    [InlineData("PUT", "/v1/catalog/services", "OPTIONS,GET")]
    [InlineData("POST", "/v1/kv/a", "OPTIONS,GET,PUT,DELETE")]
    [InlineData("PUT", "/v1/status/leader", "OPTIONS,GET")]
    public async Task WrongMethod_OnAKnownPath_Is405WithAllowAndConsulsText(string method, string path, string allowed)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.SendAsync(method, path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed.Split(',').Order(StringComparer.Ordinal), Allow(response).Split(',').Order(StringComparer.Ordinal));
        Assert.Equal($"method {method} not allowed", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/v1/agent/service/register", "OPTIONS,PUT")]
    [InlineData("/v1/agent/self", "OPTIONS,GET")]
    [InlineData("/v1/kv/a", "OPTIONS,GET,PUT,DELETE")]
    public async Task Options_OnAKnownPath_Is200WithAllowAndEmptyBody(string path, string allow)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.SendAsync("OPTIONS", path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(allow, Allow(response));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatusLeaderAndPeers_OneNodeCluster_AnswerTheServerRpcAddress()
    {
        await using var agent = await AgentServer.StartAsync();

        var leader = await agent.GetJsonAsync("/v1/status/leader");
        var peers = await agent.GetJsonAsync("/v1/status/peers");

        Assert.Matches("^[0-9.]+:8300$", (string)leader!);
        Assert.Equal((string)leader!, (string)Assert.Single(peers!.AsArray())!);
    }

    [Theory]
    [InlineData(null, "dc1")]
    [InlineData("east", "east")]
    public async Task CatalogDatacenters_Always_ListsTheAgentsDatacenterOnly(string? configured, string expected)
    {
        await using var agent = await AgentServer.StartAsync(o => configured is null ? o : o with { Datacenter = configured });

        var datacenters = await agent.GetJsonAsync("/v1/catalog/datacenters");

        Assert.Equal($"[\"{expected}\"]", datacenters!.ToJsonString());
    }

    [Fact]
    public async Task AgentSelf_Always_NamesTheNodeAndDatacenter()
    {
        await using var agent = await AgentServer.StartAsync(o => o with { NodeName = "node-7", Datacenter = "east" });

        var config = (await agent.GetJsonAsync("/v1/agent/self"))!["Config"]!;

        Assert.Equal("node-7", (string?)config["NodeName"]);
        Assert.Equal("east", (string?)config["Datacenter"]);
    }

    [Fact]
    public async Task AgentMembers_OneNode_IsAliveConsulServer()
    {
        await using var agent = await AgentServer.StartAsync(o => o with { NodeName = "node-7" });

        var member = Assert.Single((await agent.GetJsonAsync("/v1/agent/members"))!.AsArray())!;

        Assert.Equal("node-7", (string?)member["Name"]);
        Assert.Equal(1, (int?)member["Status"]);
        Assert.Equal("consul", (string?)member["Tags"]!["role"]);
    }

    [Fact]
    public async Task AgentWrite_Success_IsEmpty200WithoutContentType()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync("/v1/agent/service/register", """{"Name":"web","Port":80}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Content.Headers.ContentType);
    }

    [Theory]
    [InlineData("/v1/agent/services")]
    [InlineData("/v1/catalog/services")]
    [InlineData("/v1/health/service/web")]
    [InlineData("/v1/status/leader")]
    public async Task JsonRead_Success_IsApplicationJson(string path)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Error_Always_IsPlainTextNotJson()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync("/v1/agent/service/register", """{"Port":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Missing service name", (await response.Content.ReadAsStringAsync()).TrimEnd('\n'));
    }

    [Theory]
    [InlineData("/v1/health/service/web?stale&consistent")]
    [InlineData("/v1/catalog/services?stale=&consistent=")]
    [InlineData("/v1/kv/a?consistent&stale")]
    public async Task Read_StaleWithConsistent_Is400ConflictingSemantics(string path)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Cannot specify ?stale with ?consistent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dc1", HttpStatusCode.OK)]
    [InlineData("dc2", HttpStatusCode.InternalServerError)]
    public async Task Read_DcParameter_OwnDatacenterOnly(string dc, HttpStatusCode expected)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync($"/v1/health/service/web?dc={dc}");

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Contains("No path to datacenter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/v1/agent/service/register", false)]
    [InlineData("/v1/agent/service/register", true)]
    [InlineData("/v1/agent/check/register", false)]
    [InlineData("/v1/agent/check/register", true)]
    [InlineData("/v1/kv/big", false)]
    [InlineData("/v1/kv/big", true)]
    public async Task Put_BodyOverTheCap_Is413AndStoresNothing(string path, bool chunked)
    {
        await using var agent = await AgentServer.StartAsync(o => o with { MaxBodyBytes = 256 });
        var body = Encoding.UTF8.GetBytes(path switch
        {
            "/v1/agent/service/register" => $$"""{"Name":"big","Tags":[{{string.Join(',', Enumerable.Repeat("\"tag\"", 60))}}]}""",
            "/v1/agent/check/register" => $$"""{"Name":"big","TTL":"10s","Notes":"{{new string('n', 300)}}"}""",
            _ => new string('v', 300),
        });
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(body) };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await agent.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync(agent);
    }

    [Fact]
    public async Task KvPut_BodyExactlyAtTheCap_IsStored()
    {
        await using var agent = await AgentServer.StartAsync(o => o with { MaxBodyBytes = 256 });

        using var response = await agent.Http.PutAsync("/v1/kv/edge", new ByteArrayContent(new byte[256]));

        Assert.Equal("true", await response.Content.ReadAsStringAsync());
        using var stored = await agent.Http.GetAsync("/v1/kv/edge?raw");
        Assert.Equal(256, (await stored.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("/v1/agent/service/register", """{"Name":""")]
    [InlineData("/v1/agent/service/register", "not json")]
    [InlineData("/v1/agent/service/register", "[1,2]")]
    [InlineData("/v1/agent/service/register", """{"Name":"web","Port":"eighty"}""")]
    [InlineData("/v1/agent/check/register", """{"Name":"c",""")]
    [InlineData("/v1/agent/check/update/c", """{"Status":""")]
    public async Task Put_MalformedJson_Is400RequestDecodeFailed(string path, string body)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Request decode failed:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(agent);
    }

    [Theory]
    [InlineData("/v1/agent/service/register")]
    [InlineData("/v1/agent/check/register")]
    [InlineData("/v1/agent/check/update/c")]
    public async Task Put_EmptyBodyWhereJsonIsRequired_Is400DecodeFailedEof(string path)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Request decode failed: EOF", (await response.Content.ReadAsStringAsync()).TrimEnd('\n'));
    }

    public static TheoryData<string, string?, bool> LegacyWrites => new()
    {
        { "/v1/agent/check/pass/service:web?note=legacy", "passing", true },
        { "/v1/agent/check/warn/service:web?note=legacy", "warning", true },
        { "/v1/agent/check/fail/service:web?note=legacy", "critical", true },
        { "/v1/agent/check/deregister/service:web", null, true },
        { "/v1/agent/service/deregister/web", null, false },
    };

    public static TheoryData<string> LegacyPaths => [.. LegacyWrites.Select(row => (string)row[0])];

    [Theory]
    [MemberData(nameof(LegacyPaths))]
    public async Task LegacyWrite_GetByDefault_Is405AndChangesNothing(string path)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"web","Check":{"TTL":"1h","Status":"warning"}}""");
        var before = (await agent.GetJsonAsync("/v1/agent/checks"))!.ToJsonString();

        using var response = await agent.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("PUT", Allow(response).Split(','));
        Assert.Equal("method GET not allowed", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await agent.GetJsonAsync("/v1/agent/checks"))!.ToJsonString());
        Assert.NotNull((await agent.GetJsonAsync("/v1/agent/services"))!["web"]);
    }

    [Theory]
    [MemberData(nameof(LegacyWrites))]
    public async Task LegacyWrite_GetWithLegacyVerbs_Is200AndApplies(string path, string? status, bool serviceRemains)
    {
        await using var agent = await AgentServer.StartAsync(o => o with { LegacyVerbs = true });
        await agent.RegisterAsync("""{"Name":"web","Check":{"TTL":"1h","Status":"warning"}}""");

        using var response = await agent.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = await agent.AgentCheckAsync("service:web");
        Assert.Equal(status, (string?)check?["Status"]);
        Assert.Equal(status is null ? null : "legacy", (string?)check?["Output"]);
        Assert.Equal(serviceRemains, (await agent.GetJsonAsync("/v1/agent/services"))!["web"] is not null);
    }

    /// <summary>The raw Allow header: .NET files it with the content headers, and its parsed form would hide the spacing.</summary>
    internal static string Allow(HttpResponseMessage response) =>
        response.Content.Headers.NonValidated.TryGetValues("Allow", out var values) ? string.Join(",", values) : "";

    private static async Task AssertNothingStoredAsync(AgentServer agent)
    {
        Assert.Equal("{}", (await agent.GetJsonAsync("/v1/agent/services"))!.ToJsonString());
        Assert.Equal("{}", (await agent.GetJsonAsync("/v1/agent/checks"))!.ToJsonString());
        using var kv = await agent.Http.GetAsync("/v1/kv/?recurse");
        Assert.Equal(HttpStatusCode.NotFound, kv.StatusCode);
        Assert.IsType<JsonArray>(await agent.GetJsonAsync("/v1/status/peers"));
    }
}
