using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Roster.Agent.Tests.Http;

/// <summary>/v1/health/*: instances with their checks, ?passing and ?tag, checks by service, node and state (consul-api.md §1.11, §6.6).</summary>
public sealed partial class HealthApiTests
{
    [Fact]
    public async Task HealthService_Entry_HasConsulsNodeServiceAndChecksShape()
    {
        await using var agent = await AgentServer.StartAsync(o => o with { NodeName = "node-7" });
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-1","Port":20001,"Check":{"TTL":"10s"}}""");

        var entry = Assert.Single((await agent.GetJsonAsync("/v1/health/service/svc"))!.AsArray())!;

        Assert.Equal("node-7", (string?)entry["Node"]!["Node"]);
        Assert.Equal("127.0.0.1", (string?)entry["Node"]!["Address"]);
        Assert.Equal("dc1", (string?)entry["Node"]!["Datacenter"]);
        var service = entry["Service"]!;
        Assert.Equal("svc-1", (string?)service["ID"]);
        Assert.Equal("svc", (string?)service["Service"]);
        Assert.Equal(20001, (int?)service["Port"]);
        Assert.Equal("[]", service["Tags"]!.ToJsonString());
        var checks = entry["Checks"]!.AsArray();
        var serf = Assert.Single(checks, c => (string?)c!["CheckID"] == "serfHealth")!;
        Assert.Equal("Serf Health Status", (string?)serf["Name"]);
        Assert.Equal("passing", (string?)serf["Status"]);
        Assert.Equal("", (string?)serf["ServiceID"]);
        var own = Assert.Single(checks, c => (string?)c!["CheckID"] == "service:svc-1")!;
        Assert.Equal("svc-1", (string?)own["ServiceID"]);
        Assert.Equal("svc", (string?)own["ServiceName"]);
        Assert.Equal(2, checks.Count);
        Assert.All(checks, c => Assert.IsType<JsonArray>(c!["ServiceTags"]));
    }

    [Fact]
    public async Task HealthService_Unknown_IsEmptyArrayWithAnIndex()
    {
        await using var agent = await AgentServer.StartAsync();

        var (body, index) = await agent.GetIndexedAsync("/v1/health/service/nope");

        Assert.Equal("[]", body!.ToJsonString());
        Assert.True(index >= 1, $"X-Consul-Index was {index}");
    }

    [Fact]
    public async Task HealthService_MissingName_Is400()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync("/v1/health/service/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Missing service name", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?tag=a&tag=b", "svc-ab")]
    [InlineData("?tag=a", "svc-a,svc-ab")]
    [InlineData("?tag=b", "svc-ab,svc-b")]
    [InlineData("?tag=c", "")]
    [InlineData("", "svc-a,svc-ab,svc-b")]
    public async Task HealthService_Tags_InstanceMustHaveEveryTag(string query, string ids)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-ab","Tags":["a","b"]}""");
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-a","Tags":["a"]}""");
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-b","Tags":["b"]}""");

        var entries = (await agent.GetJsonAsync("/v1/health/service/svc" + query))!.AsArray();

        Assert.Equal(ids, string.Join(',', entries.Select(e => (string?)e!["Service"]!["ID"]).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("?passing", "svc-ok")]
    [InlineData("?passing=", "svc-ok")]
    [InlineData("?passing=1", "svc-ok")]
    [InlineData("?passing=true", "svc-ok")]
    [InlineData("?passing=t", "svc-ok")]
    [InlineData("?passing=0", "svc-bad,svc-ok,svc-warn")]
    [InlineData("?passing=false", "svc-bad,svc-ok,svc-warn")]
    public async Task HealthService_Passing_IsAGoBoolAndKeepsOnlyAllPassingInstances(string query, string ids)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-ok","Checks":[{"TTL":"1h","Status":"passing"},{"TTL":"1h","Status":"passing"}]}""");
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-warn","Checks":[{"TTL":"1h","Status":"passing"},{"TTL":"1h","Status":"warning"}]}""");
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-bad","Checks":[{"TTL":"1h","Status":"passing"},{"TTL":"1h","Status":"critical"}]}""");

        var entries = (await agent.GetJsonAsync("/v1/health/service/svc" + query))!.AsArray();

        Assert.Equal(ids, string.Join(',', entries.Select(e => (string?)e!["Service"]!["ID"]).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task HealthService_PassingBogus_Is400()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync("/v1/health/service/svc?passing=bogus");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid value for ?passing", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthChecks_Service_ListsOnlyThatServicesChecks()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-1","Check":{"TTL":"10s"}}""");
        await agent.RegisterAsync("""{"Name":"svc","ID":"svc-2","Check":{"TTL":"10s"}}""");
        await agent.RegisterAsync("""{"Name":"other","Check":{"TTL":"10s"}}""");

        var checks = (await agent.GetJsonAsync("/v1/health/checks/svc"))!.AsArray();

        Assert.Equal("service:svc-1,service:svc-2", string.Join(',', checks.Select(c => (string?)c!["CheckID"]).Order(StringComparer.Ordinal)));
        Assert.All(checks, c => Assert.Equal("svc", (string?)c!["ServiceName"]));
    }

    [Fact]
    public async Task HealthNode_AgentsNode_ListsNodeAndServiceChecks()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");
        var node = await agent.NodeNameAsync();

        var checks = (await agent.GetJsonAsync($"/v1/health/node/{Uri.EscapeDataString(node)}"))!.AsArray();
        var unknown = await agent.GetJsonAsync("/v1/health/node/nope");

        Assert.Equal("serfHealth,service:svc", string.Join(',', checks.Select(c => (string?)c!["CheckID"]).Order(StringComparer.Ordinal)));
        Assert.All(checks, c => Assert.Equal(node, (string?)c!["Node"]));
        Assert.Equal("[]", unknown!.ToJsonString());
    }

    [Theory]
    [InlineData("passing", "serfHealth,service:ok")]
    [InlineData("warning", "service:warn")]
    [InlineData("critical", "service:bad")]
    [InlineData("any", "serfHealth,service:bad,service:ok,service:warn")]
    [InlineData("bogus", "")]
    public async Task HealthState_State_ListsTheChecksInIt(string state, string ids)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"ok","Check":{"TTL":"1h","Status":"passing"}}""");
        await agent.RegisterAsync("""{"Name":"warn","Check":{"TTL":"1h","Status":"warning"}}""");
        await agent.RegisterAsync("""{"Name":"bad","Check":{"TTL":"1h"}}""");

        var checks = (await agent.GetJsonAsync($"/v1/health/state/{state}"))!.AsArray();

        Assert.Equal(ids, string.Join(',', checks.Select(c => (string?)c!["CheckID"]).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task HealthState_MissingState_Is400()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync("/v1/health/state/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Missing check state", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CheckOutputs_DefinitionDurations_AreGoDurationStringsOrAbsent()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""
            {"Name":"svc","Checks":[
              {"TTL":"10s","DeregisterCriticalServiceAfter":"90s"},
              {"HTTP":"http://127.0.0.1:1/","Interval":"15s","Timeout":"2s"},
              {"TCP":"127.0.0.1:1","Interval":"1m"}]}
            """);
        await agent.PutOkAsync("/v1/agent/check/register", """{"Name":"node-ttl","TTL":"30s"}""");
        await agent.PutOkAsync("/v1/agent/service/maintenance/svc?enable=true");
        var node = Uri.EscapeDataString(await agent.NodeNameAsync());

        List<JsonNode?>[] outputs =
        [
            [.. (await agent.GetJsonAsync("/v1/agent/checks"))!.AsObject().Select(c => c.Value)],
            [.. (await agent.GetJsonAsync("/v1/health/service/svc"))!.AsArray().SelectMany(e => e!["Checks"]!.AsArray())],
            [.. (await agent.GetJsonAsync("/v1/health/checks/svc"))!.AsArray()],
            [.. (await agent.GetJsonAsync($"/v1/health/node/{node}"))!.AsArray()],
            [.. (await agent.GetJsonAsync("/v1/health/state/any"))!.AsArray()],
        ];

        // Agent checks leave out serfHealth; health/service adds the node's checks; health/checks has the service's only.
        Assert.Equal("5,6,4,6,6", string.Join(',', outputs.Select(o => o.Count)));
        foreach (var check in outputs.SelectMany(o => o))
        {
            Assert.Equal(JsonValueKind.String, check!["Interval"]?.GetValueKind() ?? JsonValueKind.String);
            Assert.Equal(JsonValueKind.String, check["Timeout"]?.GetValueKind() ?? JsonValueKind.String);
            if (check["Definition"] is JsonObject definition)
            {
                foreach (var field in new[] { "Interval", "Timeout", "DeregisterCriticalServiceAfter" })
                {
                    AssertGoDuration(definition[field], $"{check["CheckID"]}.Definition.{field}");
                }
            }
        }
    }

    /// <summary>What Go's api client can decode into a time.Duration: absent, null, a number of nanoseconds, or a Go duration string.</summary>
    private static void AssertGoDuration(JsonNode? value, string where)
    {
        if (value is null || value.GetValueKind() == JsonValueKind.Number)
        {
            return;
        }

        Assert.True(value.GetValueKind() == JsonValueKind.String, $"{where} is {value.ToJsonString()}");
        Assert.True(GoDuration().IsMatch((string)value!), $"{where} is {value.ToJsonString()}, which time.ParseDuration refuses");
    }

    [GeneratedRegex(@"^[+-]?(((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+|0)$")]
    private static partial Regex GoDuration();
}
