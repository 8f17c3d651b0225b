using System.Net;

namespace Roster.Agent.Tests.Http;

/// <summary>The agent's token (consul-api.md §1.6, §6.9): one valid token, Consul's sources in Consul's precedence, Consul's 403 texts.</summary>
public sealed class AclTests
{
    private const string Token = "6c1e2a0f-2b4c-4c43-9d1a-7f3e8a5b9c10";
    private const string RegisterBody = """{"Name":"web","Port":80}""";

    [Theory]
    [InlineData("GET", "/v1/agent/self")]
    [InlineData("GET", "/v1/kv/app")]
    [InlineData("PUT", "/v1/agent/service/register")]
    [InlineData("PUT", "/v1/kv/app")]
    public async Task Request_WithoutToken_Is403PermissionDeniedAndChangesNothing(string method, string path)
    {
        await using var agent = await StartAsync();

        using var response = await agent.Http.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("Permission denied", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(agent);
    }

    [Theory]
    [InlineData("query")]
    [InlineData("header")]
    [InlineData("bearer")]
    public async Task Request_UnknownToken_Is403AclNotFound(string source)
    {
        await using var agent = await StartAsync();

        using var response = await agent.Http.SendAsync(WithToken(Request("PUT", "/v1/agent/service/register"), source, "not-the-token"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("ACL not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(agent);
    }

    [Theory]
    [InlineData("query", Token)]
    [InlineData("header", Token)]
    [InlineData("bearer", Token)]
    [InlineData("authorization", "bearer " + Token)]
    [InlineData("authorization", "BEARER " + Token + " trailing words")]
    public async Task Request_ValidToken_IsServedFromEachSource(string source, string value)
    {
        await using var agent = await StartAsync();

        using var response = await agent.Http.SendAsync(WithToken(Request("PUT", "/v1/agent/service/register"), source, value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var services = await agent.Http.SendAsync(WithToken(Request("GET", "/v1/agent/services"), source, value));
        var (body, _) = await AgentServer.ReadJsonAsync(services);
        Assert.NotNull(body!["web"]);
    }

    [Theory]
    [InlineData("Basic " + Token)]
    [InlineData(Token)]
    public async Task Request_AuthorizationThatIsNotBearer_IsNoToken(string authorization)
    {
        await using var agent = await StartAsync();
        using var request = Request("GET", "/v1/agent/self");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await agent.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("Permission denied", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Token, "wrong", null, HttpStatusCode.OK)]
    [InlineData("wrong", Token, null, HttpStatusCode.Forbidden)]
    [InlineData(null, Token, "wrong", HttpStatusCode.OK)]
    [InlineData(null, "wrong", Token, HttpStatusCode.Forbidden)]
    public async Task Request_SeveralTokens_QueryBeatsHeaderBeatsBearer(string? query, string? header, string? bearer, HttpStatusCode expected)
    {
        await using var agent = await StartAsync();
        using var request = Request("GET", "/v1/agent/self");
        if (query is not null)
        {
            WithToken(request, "query", query);
        }

        if (header is not null)
        {
            WithToken(request, "header", header);
        }

        if (bearer is not null)
        {
            WithToken(request, "bearer", bearer);
        }

        using var response = await agent.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task StatusLeader_WithoutToken_IsServedAsConsulDoes()
    {
        // Consul's status endpoints run no ACL check at all; load balancers probe them without a token.
        await using var agent = await StartAsync();

        using var response = await agent.Http.GetAsync("/v1/status/leader");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Agent_WithoutAclToken_AcceptsAndIgnoresAnyToken()
    {
        await using var agent = await AgentServer.StartAsync();
        using var request = WithToken(Request("PUT", "/v1/agent/service/register"), "header", "anything");

        using var response = await agent.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<AgentServer> StartAsync() => AgentServer.StartAsync(o => o with { AclToken = Token });

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "PUT" ? new StringContent(path.Contains("/kv/", StringComparison.Ordinal) ? "value" : RegisterBody) : null,
    };

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string source, string value)
    {
        switch (source)
        {
            case "query":
                var uri = request.RequestUri!.ToString();
                request.RequestUri = new Uri(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "token=" + Uri.EscapeDataString(value), UriKind.Relative);
                break;
            case "header":
                request.Headers.Add("X-Consul-Token", value);
                break;
            case "bearer":
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + value);
                break;
            default:
                request.Headers.TryAddWithoutValidation("Authorization", value);
                break;
        }

        return request;
    }

    private static async Task AssertNothingStoredAsync(AgentServer agent)
    {
        using var services = await agent.Http.SendAsync(WithToken(Request("GET", "/v1/agent/services"), "header", Token));
        Assert.Equal("{}", (await AgentServer.ReadJsonAsync(services)).Body!.ToJsonString());
        using var kv = await agent.Http.SendAsync(WithToken(Request("GET", "/v1/kv/app"), "header", Token));
        Assert.Equal(HttpStatusCode.NotFound, kv.StatusCode);
    }
}
