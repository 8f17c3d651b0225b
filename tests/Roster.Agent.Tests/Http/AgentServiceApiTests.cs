using System.Net;
using System.Text.Json.Nodes;

namespace Roster.Agent.Tests.Http;

/// <summary>/v1/agent/service/*: registration decoding and validation, deregistration, maintenance (consul-api.md §1.8, §6.2, §6.5).</summary>
public sealed class AgentServiceApiTests
{
    private const string UnknownServiceText = "Unknown service ID \"nope\". Ensure that the service ID is passed, not the service name.";

    [Fact]
    public async Task Register_MinimalBody_IsListedWithConsulsDefaults()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync("/v1/agent/service/register", """{"Name":"web","Port":80}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var services = (await agent.GetJsonAsync("/v1/agent/services"))!.AsObject();
        var web = Assert.Single(services);
        Assert.Equal("web", web.Key);
        Assert.Equal("web", (string?)web.Value!["ID"]);
        Assert.Equal("web", (string?)web.Value["Service"]);
        Assert.Equal(80, (int?)web.Value["Port"]);
        Assert.Equal("[]", web.Value["Tags"]!.ToJsonString());
        Assert.Equal("{}", web.Value["Meta"]!.ToJsonString());
        Assert.Equal("""{"Passing":1,"Warning":1}""", web.Value["Weights"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"name":"w2","id":"w2-1","port":81,"check":{"ttl":"10s","deregister_critical_service_after":"1m"}}""")]
    [InlineData("""{"NAME":"w2","ID":"w2-1","PORT":81,"CHECK":{"TTL":"10s","DeregisterCriticalServiceAfter":"1m"}}""")]
    [InlineData("""{"Name":"w2","Id":"w2-1","Port":81,"Checks":[{"Ttl":"10s"}]}""")]
    public async Task Register_KeysInAnyCaseAndSnakeAliases_Bind(string body)
    {
        await using var agent = await AgentServer.StartAsync();

        await agent.RegisterAsync(body);

        var service = (await agent.GetJsonAsync("/v1/agent/services"))!["w2-1"]!;
        Assert.Equal("w2", (string?)service["Service"]);
        Assert.Equal(81, (int?)service["Port"]);
        var check = await agent.AgentCheckAsync("service:w2-1");
        Assert.Equal("ttl", (string?)check?["Type"]);
    }

    [Theory]
    [InlineData("""{"Name":"x","Bogus":1}""", "Bogus")]
    [InlineData("""{"Service":"x"}""", "Service")]
    [InlineData("""{"Name":"x","Check":{"ID":"c","TTL":"10s"}}""", "ID")]
    public async Task Register_UnknownField_Is400NamingIt(string body, string field)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync("/v1/agent/service/register", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("Request decode failed:", text, StringComparison.Ordinal);
        Assert.Contains($"unknown field \"{field}\"", text, StringComparison.Ordinal);
        await AssertNoServicesAsync(agent);
    }

    [Theory]
    [InlineData("""{"Port":1}""", "Missing service name")]
    [InlineData("""{"Name":"x","Address":"0.0.0.0"}""", "Invalid service address")]
    [InlineData("""{"Name":"x","Address":"::"}""", "Invalid service address")]
    [InlineData("""{"Name":"x","Check":{"TTL":"10"}}""", "missing unit in duration")]
    [InlineData("""{"Name":"x","Check":{"TTL":"10s","Interval":"10s"}}""", "Interval and TTL cannot both be specified")]
    [InlineData("""{"Name":"x","Check":{"HTTP":"http://127.0.0.1:1/"}}""", "Interval must be > 0")]
    [InlineData("""{"Name":"x","Check":{"Notes":"no probe"}}""", "TTL must be > 0 for TTL checks")]
    [InlineData("""{"Name":"x","Check":{"TTL":"10s","Status":"bogus"}}""", "Status for checks must 'passing', 'warning', 'critical'")]
    [InlineData("""{"Name":"m","Meta":{"consul-x":"1"}}""", "Invalid Service Meta")]
    [InlineData("""{"Name":"m","Weights":{"Passing":0,"Warning":1}}""", "Invalid Weights")]
    public async Task Register_InvalidDefinition_Is400WithConsulsReasonAndStoresNothing(string body, string reason)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync("/v1/agent/service/register", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoServicesAsync(agent);
    }

    [Theory]
    [InlineData("""{"Name":"web\nserver evil 1.2.3.4:80","Port":80}""")]
    [InlineData("""{"Name":"web\t","Port":80}""")]
    [InlineData("""{"Name":"web","ID":"web 1","Port":80}""")]
    [InlineData("""{"Name":"web","ID":"web-1\r\nserver x 10.0.0.1:80","Port":80}""")]
    [InlineData("""{"Name":"web","Address":"10.0.0.1\nserver evil 1.2.3.4:80","Port":80}""")]
    [InlineData("""{"Name":"web","Address":"10.0.0.1 ","Port":80}""")]
    [InlineData("""{"Name":"web","Tags":["ok","a b"],"Port":80}""")]
    [InlineData("""{"Name":"web","Tags":["bell\u0007"],"Port":80}""")]
    [InlineData("""{"Name":"web\u0000","Port":80}""")]
    [InlineData("""{"Name":"web\u2028x","Port":80}""")]
    [InlineData("""{"Name":"web","Check":{"CheckID":"c 1","TTL":"10s"}}""")]
    [InlineData("""{"Name":"web","Check":{"TCP":"127.0.0.1:80\nx","Interval":"10s"}}""")]
    public async Task Register_WhitespaceOrControlCharacters_Is400AndStoresNothing(string body)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync("/v1/agent/service/register", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoServicesAsync(agent);
        Assert.Equal("{}", (await agent.GetJsonAsync("/v1/agent/checks"))!.ToJsonString());
        Assert.Equal("""{"consul":[]}""", (await agent.GetJsonAsync("/v1/catalog/services"))!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"Name":"web","Check":null,"Checks":null}""")]
    [InlineData("""{"Name":"web","Check":{}}""")]
    [InlineData("""{"Name":"web","Checks":[]}""")]
    public async Task Register_NullOrEmptyChecks_RegistersWithoutChecks(string body)
    {
        await using var agent = await AgentServer.StartAsync();

        await agent.RegisterAsync(body);

        Assert.NotNull((await agent.GetJsonAsync("/v1/agent/services"))!["web"]);
        Assert.Equal("{}", (await agent.GetJsonAsync("/v1/agent/checks"))!.ToJsonString());
    }

    [Fact]
    public async Task Register_CheckPlusTwoChecks_NumbersThemCheckFirstWithDefaultNames()
    {
        await using var agent = await AgentServer.StartAsync();

        await agent.RegisterAsync("""
            {"Name":"web","ID":"web-1","Check":{"TTL":"10s","Notes":"a"},"Checks":[{"TTL":"20s","Notes":"b"},{"TTL":"30s","Notes":"c"}]}
            """);

        var checks = (await agent.GetJsonAsync("/v1/agent/checks"))!.AsObject();
        Assert.Equal(["service:web-1:1", "service:web-1:2", "service:web-1:3"], checks.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal("a", (string?)checks["service:web-1:1"]!["Notes"]);
        Assert.Equal("b", (string?)checks["service:web-1:2"]!["Notes"]);
        Assert.Equal("c", (string?)checks["service:web-1:3"]!["Notes"]);
        Assert.All(checks, c => Assert.Equal("Service 'web' check", (string?)c.Value!["Name"]));
        Assert.All(checks, c => Assert.Equal("web-1", (string?)c.Value!["ServiceID"]));
        Assert.All(checks, c => Assert.Equal("web", (string?)c.Value!["ServiceName"]));
    }

    [Theory]
    [InlineData("""{"Name":"web","ID":"web-1","Check":{"TTL":"10s"}}""", "service:web-1", "Service 'web' check")]
    [InlineData("""{"Name":"web","ID":"web-1","Checks":[{"TTL":"10s"}]}""", "service:web-1", "Service 'web' check")]
    [InlineData("""{"Name":"web","ID":"web-1","Check":{"CheckID":"mine","Name":"My check","TTL":"10s"}}""", "mine", "My check")]
    [InlineData("""{"Name":"web","ID":"web-1","Check":{"TTL":"10s","ServiceID":"ignored"}}""", "service:web-1", "Service 'web' check")]
    public async Task Register_OneCheck_IdAndNameDefaults(string body, string checkId, string name)
    {
        await using var agent = await AgentServer.StartAsync();

        await agent.RegisterAsync(body);

        var check = Assert.Single((await agent.GetJsonAsync("/v1/agent/checks"))!.AsObject());
        Assert.Equal(checkId, check.Key);
        Assert.Equal(checkId, (string?)check.Value!["CheckID"]);
        Assert.Equal(name, (string?)check.Value["Name"]);
        Assert.Equal("web-1", (string?)check.Value["ServiceID"]);
    }

    [Theory]
    [InlineData("10.1.2.3", "lan_ipv4", "wan_ipv4")]
    [InlineData("2001:db8::1", "lan_ipv6", "wan_ipv6")]
    public async Task Register_IpLiteralAddress_AddsLanAndWanTaggedAddresses(string address, string lan, string wan)
    {
        await using var agent = await AgentServer.StartAsync();

        await agent.RegisterAsync($$"""{"Name":"web","Address":"{{address}}","Port":8080}""");

        var tagged = (await agent.GetJsonAsync("/v1/agent/services"))!["web"]!["TaggedAddresses"]!;
        Assert.Equal($$"""{"Address":"{{address}}","Port":8080}""", tagged[lan]!.ToJsonString());
        Assert.Equal($$"""{"Address":"{{address}}","Port":8080}""", tagged[wan]!.ToJsonString());
    }

    [Fact]
    public async Task Register_HostnameAddress_HasNoTaggedAddresses()
    {
        await using var agent = await AgentServer.StartAsync();

        await agent.RegisterAsync("""{"Name":"web","Address":"web.example.internal","Port":8080}""");

        var web = (await agent.GetJsonAsync("/v1/agent/services"))!["web"]!;
        Assert.Equal("web.example.internal", (string?)web["Address"]);
        Assert.True(web["TaggedAddresses"] is null || web["TaggedAddresses"]!.AsObject().Count == 0);
    }

    [Theory]
    [InlineData("?replace-existing-checks", false)]
    [InlineData("?replace-existing-checks=true", false)]
    [InlineData("", true)]
    public async Task Register_Again_KeepsChecksNotInTheNewDefinitionUnlessReplacing(string query, bool otherKept)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"web","Checks":[{"CheckID":"a","TTL":"10s"},{"CheckID":"b","TTL":"10s"}]}""");

        await agent.PutOkAsync("/v1/agent/service/register" + query, """{"Name":"web","Checks":[{"CheckID":"a","TTL":"10s"}]}""");

        Assert.NotNull(await agent.AgentCheckAsync("a"));
        Assert.Equal(otherKept, await agent.AgentCheckAsync("b") is not null);
    }

    [Fact]
    public async Task Deregister_KnownService_RemovesItAndItsChecks()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Checks":[{"TTL":"10s"},{"TTL":"20s"}]}""");
        await agent.RegisterAsync("""{"Name":"other","Check":{"TTL":"10s"}}""");

        using var response = await agent.PutAsync("/v1/agent/service/deregister/svc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Null((await agent.GetJsonAsync("/v1/agent/services"))!["svc"]);
        Assert.Equal(["service:other"], (await agent.GetJsonAsync("/v1/agent/checks"))!.AsObject().Select(c => c.Key));
        Assert.Equal("[]", (await agent.GetJsonAsync("/v1/health/service/svc"))!.ToJsonString());
    }

    [Fact]
    public async Task Deregister_UnknownService_Is404WithConsulsText()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync("/v1/agent/service/deregister/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(UnknownServiceText, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetService_Known_CarriesItsContentHashInBodyAndHeader()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"web","ID":"web-1","Port":80}""");

        using var response = await agent.Http.GetAsync("/v1/agent/service/web-1");
        var (body, _) = await AgentServer.ReadJsonAsync(response);
        await agent.RegisterAsync("""{"Name":"web","ID":"web-1","Port":81}""");
        var changed = await agent.GetJsonAsync("/v1/agent/service/web-1");

        Assert.Equal("web-1", (string?)body!["ID"]);
        Assert.Equal("web", (string?)body["Service"]);
        Assert.Equal(80, (int?)body["Port"]);
        var hash = (string?)body["ContentHash"];
        Assert.False(string.IsNullOrEmpty(hash));
        Assert.Equal(hash, response.Headers.GetValues("X-Consul-ContentHash").Single());
        Assert.NotEqual(hash, (string?)changed!["ContentHash"]);
    }

    [Fact]
    public async Task GetService_Unknown_Is404()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync("/v1/agent/service/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("unknown service ID: nope", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&reason=deploy", "deploy")]
    [InlineData("", "Maintenance mode is enabled for this service, but no reason was provided. This is a default message.")]
    public async Task Maintenance_Enable_AddsACriticalMaintenanceCheckThatHidesTheInstance(string reasonQuery, string notes)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"1h","Status":"passing"}}""");
        Assert.Single((await agent.GetJsonAsync("/v1/health/service/svc?passing"))!.AsArray());

        using var response = await agent.PutAsync("/v1/agent/service/maintenance/svc?enable=true" + reasonQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = (await agent.AgentCheckAsync("_service_maintenance:svc"))!;
        Assert.Equal("critical", (string?)check["Status"]);
        Assert.Equal(notes, (string?)check["Notes"]);
        Assert.Equal("Service Maintenance Mode", (string?)check["Name"]);
        Assert.Equal("svc", (string?)check["ServiceID"]);
        Assert.Equal("svc", (string?)check["ServiceName"]);
        Assert.Equal("maintenance", (string?)check["Type"]);
        Assert.Equal("[]", (await agent.GetJsonAsync("/v1/health/service/svc?passing"))!.ToJsonString());
    }

    [Fact]
    public async Task Maintenance_Disable_RemovesTheCheckAndTheInstanceIsBack()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"1h","Status":"passing"}}""");
        await agent.PutOkAsync("/v1/agent/service/maintenance/svc?enable=true&reason=deploy");
        await agent.PutOkAsync("/v1/agent/service/maintenance/svc?enable=true&reason=deploy");

        await agent.PutOkAsync("/v1/agent/service/maintenance/svc?enable=false");

        Assert.Null(await agent.AgentCheckAsync("_service_maintenance:svc"));
        Assert.Single((await agent.GetJsonAsync("/v1/health/service/svc?passing"))!.AsArray());
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("TRUE", true)]
    [InlineData("True", true)]
    [InlineData("0", false)]
    [InlineData("f", false)]
    [InlineData("False", false)]
    public async Task Maintenance_EnableInGoBoolSpellings_IsAccepted(string enable, bool on)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc"}""");

        using var response = await agent.PutAsync($"/v1/agent/service/maintenance/svc?enable={enable}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(on, await agent.AgentCheckAsync("_service_maintenance:svc") is not null);
    }

    [Theory]
    [InlineData("/v1/agent/service/maintenance/svc", HttpStatusCode.BadRequest, "Missing value for enable")]
    [InlineData("/v1/agent/service/maintenance/svc?enable=yes", HttpStatusCode.BadRequest, "Invalid value for enable: \"yes\"")]
    [InlineData("/v1/agent/service/maintenance/nope?enable=true", HttpStatusCode.NotFound, UnknownServiceText)]
    public async Task Maintenance_BadRequest_IsRefusedWithConsulsText(string path, HttpStatusCode status, string text)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc"}""");

        using var response = await agent.PutAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(text, await response.Content.ReadAsStringAsync());
        Assert.Equal("{}", (await agent.GetJsonAsync("/v1/agent/checks"))!.ToJsonString());
    }

    private static async Task AssertNoServicesAsync(AgentServer agent)
    {
        Assert.Equal("{}", (await agent.GetJsonAsync("/v1/agent/services"))!.ToJsonString());
        using var alive = await agent.Http.GetAsync("/v1/status/leader");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
