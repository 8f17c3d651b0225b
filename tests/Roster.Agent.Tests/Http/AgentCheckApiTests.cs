using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Roster.Agent.Tests.Http;

/// <summary>/v1/agent/check/*: TTL reports and expiry, reaping, check registration, HTTP and TCP probes (consul-api.md §1.8–1.9, §6.3–6.4).</summary>
public sealed class AgentCheckApiTests
{
    private const string UnknownCheckText = "Unknown check ID \"nope\". Ensure that the check ID is passed, not the check name.";
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TtlCheck_JustRegistered_IsCriticalAndNotPassing()
    {
        await using var agent = await AgentServer.StartAsync();

        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");

        Assert.Equal("[]", (await agent.GetJsonAsync("/v1/health/service/svc?passing"))!.ToJsonString());
        var entry = Assert.Single((await agent.GetJsonAsync("/v1/health/service/svc"))!.AsArray())!;
        var check = entry["Checks"]!.AsArray().Single(c => (string?)c!["CheckID"] == "service:svc")!;
        Assert.Equal("critical", (string?)check["Status"]);
    }

    [Fact]
    public async Task TtlCheck_Pass_MakesTheInstancePassingWithTheNoteAsOutput()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");

        using var response = await agent.PutAsync("/v1/agent/check/pass/service:svc?note=ok");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Single((await agent.GetJsonAsync("/v1/health/service/svc?passing"))!.AsArray());
        Assert.Equal("ok", (string?)(await agent.AgentCheckAsync("service:svc"))!["Output"]);
    }

    [Theory]
    [InlineData("pass", "passing")]
    [InlineData("warn", "warning")]
    [InlineData("fail", "critical")]
    public async Task TtlCheck_Report_SetsStatusAndNote(string verb, string status)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s","Status":"warning"}}""");
        await agent.PutOkAsync("/v1/agent/check/pass/service:svc?note=before");

        await agent.PutOkAsync($"/v1/agent/check/{verb}/service:svc?note=after");

        var check = (await agent.AgentCheckAsync("service:svc"))!;
        Assert.Equal(status, (string?)check["Status"]);
        Assert.Equal("after", (string?)check["Output"]);
    }

    [Fact]
    public async Task TtlCheck_PassWithoutNote_ClearsTheOutput()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");
        await agent.PutOkAsync("/v1/agent/check/pass/service:svc?note=ok");

        await agent.PutOkAsync("/v1/agent/check/pass/service:svc");

        Assert.Equal("", (string?)(await agent.AgentCheckAsync("service:svc"))!["Output"]);
    }

    [Fact]
    public async Task TtlCheck_Warn_IsExcludedFromPassingButListedAsWarning()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s","Status":"passing"}}""");

        await agent.PutOkAsync("/v1/agent/check/warn/service:svc");

        Assert.Equal("[]", (await agent.GetJsonAsync("/v1/health/service/svc?passing"))!.ToJsonString());
        Assert.Single((await agent.GetJsonAsync("/v1/health/service/svc"))!.AsArray());
        var warning = (await agent.GetJsonAsync("/v1/health/state/warning"))!.AsArray();
        Assert.Contains(warning, c => (string?)c!["CheckID"] == "service:svc");
    }

    [Theory]
    [InlineData("pass")]
    [InlineData("warn")]
    [InlineData("fail")]
    public async Task TtlReport_UnknownCheck_Is404WithConsulsText(string verb)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync($"/v1/agent/check/{verb}/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(UnknownCheckText, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("pass", null)]
    [InlineData("fail", null)]
    [InlineData("update", """{"Status":"passing"}""")]
    public async Task TtlReport_OnAnHttpCheck_Is500NoAssociatedTtl(string verb, string? body)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"web","Check":{"HTTP":"http://127.0.0.1:1/","Interval":"10s"}}""");

        using var response = await agent.PutAsync($"/v1/agent/check/{verb}/service:web", body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("CheckID \"service:web\" does not have associated TTL", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckUpdate_StatusAndOutput_SetsBoth()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");

        await agent.PutOkAsync("/v1/agent/check/update/service:svc", """{"Status":"passing","Output":"x"}""");

        var check = (await agent.AgentCheckAsync("service:svc"))!;
        Assert.Equal("passing", (string?)check["Status"]);
        Assert.Equal("x", (string?)check["Output"]);
    }

    [Theory]
    [InlineData("""{"Status":"bad"}""", "Invalid check status: 'bad'")]
    [InlineData("""{"Output":"x"}""", "Invalid check status: ''")]
    public async Task CheckUpdate_InvalidStatus_Is400WithConsulsText(string body, string text)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");

        using var response = await agent.PutAsync("/v1/agent/check/update/service:svc", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(text, await response.Content.ReadAsStringAsync());
        Assert.Equal("critical", (string?)(await agent.AgentCheckAsync("service:svc"))!["Status"]);
    }

    [Fact]
    public async Task TtlReport_NoteOver4KiB_IsTruncatedWithConsulsSuffix()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");

        await agent.PutOkAsync($"/v1/agent/check/pass/service:svc?note={new string('x', 5000)}");

        var output = (string?)(await agent.AgentCheckAsync("service:svc"))!["Output"];
        Assert.Equal(new string('x', 4096) + " ... (captured 4096 of 5000 bytes)", output);
    }

    [Theory]
    [InlineData("", "TTL expired")]
    [InlineData("ok", "TTL expired (last output before timeout follows): ok")]
    public async Task TtlCheck_NoReportWithinTheTtl_TurnsCriticalWithTtlExpired(string note, string output)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");
        await agent.PutOkAsync($"/v1/agent/check/pass/service:svc?note={note}");

        agent.Clock.Advance(Ttl - TimeSpan.FromSeconds(1));
        await agent.RoundTripsAsync();
        Assert.Equal("passing", (string?)(await agent.AgentCheckAsync("service:svc"))!["Status"]);
        agent.Clock.Advance(TimeSpan.FromSeconds(2));
        var check = await AgentServer.PollAsync(() => agent.AgentCheckAsync("service:svc"), c => (string?)c?["Status"] == "critical");

        Assert.Equal("critical", (string?)check?["Status"]);
        Assert.StartsWith("TTL expired", (string?)check?["Output"], StringComparison.Ordinal);
        Assert.Equal(output, (string?)check?["Output"]);
        Assert.Equal("[]", (await agent.GetJsonAsync("/v1/health/service/svc?passing"))!.ToJsonString());
    }

    [Fact]
    public async Task TtlCheck_TtlAsJsonNumber_IsNanoseconds()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":10000000000}}""");
        await agent.PutOkAsync("/v1/agent/check/pass/service:svc");

        agent.Clock.Advance(TimeSpan.FromSeconds(9));
        await agent.RoundTripsAsync();
        Assert.Equal("passing", (string?)(await agent.AgentCheckAsync("service:svc"))!["Status"]);
        agent.Clock.Advance(TimeSpan.FromSeconds(2));
        var check = await AgentServer.PollAsync(() => agent.AgentCheckAsync("service:svc"), c => (string?)c?["Status"] == "critical");

        Assert.Equal("critical", (string?)check?["Status"]);
    }

    [Fact]
    public async Task TtlCheck_ServiceReregisteredWhilePassing_StaysPassing()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");
        await agent.PutOkAsync("/v1/agent/check/pass/service:svc?note=ok");

        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s"}}""");

        var check = (await agent.AgentCheckAsync("service:svc"))!;
        Assert.Equal("passing", (string?)check["Status"]);
        Assert.Equal("ok", (string?)check["Output"]);
    }

    [Fact]
    public async Task TtlCheck_InitialStatusPassing_IsPassingAtOnce()
    {
        await using var agent = await AgentServer.StartAsync();

        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"10s","Status":"passing"}}""");

        Assert.Single((await agent.GetJsonAsync("/v1/health/service/svc?passing"))!.AsArray());
    }

    [Theory]
    [InlineData("1m")]
    [InlineData("10s")]
    public async Task DeregisterCriticalServiceAfter_CriticalPastTheLimit_ReapsWithinOneReapInterval(string after)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync($$$"""{"Name":"svc","Check":{"TTL":"10s","DeregisterCriticalServiceAfter":"{{{after}}}"}}""");
        await agent.RegisterAsync("""{"Name":"stays","Check":{"TTL":"10s"}}""");
        await agent.PutOkAsync("/v1/agent/check/pass/service:svc");
        agent.Clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        await AgentServer.PollAsync(() => agent.AgentCheckAsync("service:svc"), c => (string?)c?["Status"] == "critical");

        // Consul never reaps before the limit, which is at least one minute: still there at critical + 55 s.
        for (var step = 0; step < 11; step++)
        {
            agent.Clock.Advance(TimeSpan.FromSeconds(5));
            await agent.RoundTripsAsync(3);
            Assert.NotNull((await agent.GetJsonAsync("/v1/agent/services"))!["svc"]);
        }

        // The reaper runs every 30 s: gone by critical + 1 min + 35 s, its checks with it.
        for (var step = 0; step < 8; step++)
        {
            agent.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        var services = await AgentServer.PollAsync(() => agent.GetJsonAsync("/v1/agent/services"), s => s!["svc"] is null);
        Assert.Null(services!["svc"]);
        Assert.Null(await agent.AgentCheckAsync("service:svc"));
        Assert.NotNull(services["stays"]);
    }

    [Fact]
    public async Task CheckDeregister_ServiceCheck_RemovesOnlyThatCheck()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Checks":[{"TTL":"10s"},{"TTL":"20s"}]}""");

        using var response = await agent.PutAsync("/v1/agent/check/deregister/service:svc:1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["service:svc:2"], (await agent.GetJsonAsync("/v1/agent/checks"))!.AsObject().Select(c => c.Key));
        Assert.NotNull((await agent.GetJsonAsync("/v1/agent/services"))!["svc"]);
    }

    [Fact]
    public async Task CheckDeregister_UnknownCheck_Is404WithConsulsText()
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync("/v1/agent/check/deregister/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(UnknownCheckText, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CheckRegister_NodeLevelTtlCheck_IsListedWithConsulsShapeAndTakesReports()
    {
        await using var agent = await AgentServer.StartAsync(o => o with { NodeName = "node-7" });

        using var response = await agent.PutAsync("/v1/agent/check/register", """{"Name":"mem","TTL":"15s","Notes":"memory"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var check = (await agent.AgentCheckAsync("mem"))!;
        Assert.Equal("node-7", (string?)check["Node"]);
        Assert.Equal("mem", (string?)check["CheckID"]);
        Assert.Equal("mem", (string?)check["Name"]);
        Assert.Equal("memory", (string?)check["Notes"]);
        Assert.Equal("critical", (string?)check["Status"]);
        Assert.Equal("", (string?)check["ServiceID"]);
        Assert.Equal("", (string?)check["ServiceName"]);
        Assert.Equal("[]", check["ServiceTags"]!.ToJsonString());
        Assert.Equal("ttl", (string?)check["Type"]);
        await agent.PutOkAsync("/v1/agent/check/pass/mem");
        Assert.Equal("passing", (string?)(await agent.AgentCheckAsync("mem"))!["Status"]);
    }

    [Fact]
    public async Task CheckRegister_WithServiceId_AttachesToThatService()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"web","ID":"web-1","Tags":["t1"]}""");

        await agent.PutOkAsync("/v1/agent/check/register", """{"Name":"extra","ID":"web-extra","ServiceID":"web-1","TTL":"10s","Status":"passing"}""");

        var check = (await agent.AgentCheckAsync("web-extra"))!;
        Assert.Equal("web-1", (string?)check["ServiceID"]);
        Assert.Equal("web", (string?)check["ServiceName"]);
        Assert.Equal("""["t1"]""", check["ServiceTags"]!.ToJsonString());
        Assert.Equal("passing", (string?)check["Status"]);
        var entry = Assert.Single((await agent.GetJsonAsync("/v1/health/service/web"))!.AsArray())!;
        Assert.Contains(entry["Checks"]!.AsArray(), c => (string?)c!["CheckID"] == "web-extra");
    }

    [Theory]
    [InlineData("""{"TTL":"10s"}""", 400, "Missing check name")]
    [InlineData("""{"Name":"c","TTL":"10s","Status":"bogus"}""", 400, "Bad check status")]
    [InlineData("""{"Name":"c","ServiceID":"nope","TTL":"10s"}""", 404, "ServiceID \"nope\" does not exist")]
    [InlineData("""{"Name":"c","TTL":"10s","Output":"x"}""", 400, "unknown field \"Output\"")]
    [InlineData("""{"Name":"c","TTL":"10s","Interval":"10s"}""", 400, "Invalid check: Interval and TTL cannot both be specified")]
    [InlineData("""{"Name":"c","TCP":"127.0.0.1:1"}""", 400, "Interval must be > 0")]
    [InlineData("""{"Name":"c","ID":"c 1","TTL":"10s"}""", 400, "")]
    [InlineData("""{"Name":"c","ID":"c\n1","TTL":"10s"}""", 400, "")]
    public async Task CheckRegister_Invalid_IsRefusedWithConsulsTextAndStoresNothing(string body, int status, string text)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.PutAsync("/v1/agent/check/register", body);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("{}", (await agent.GetJsonAsync("/v1/agent/checks"))!.ToJsonString());
    }

    [Theory]
    [InlineData(200, "passing", "200 OK")]
    [InlineData(204, "passing", "204 No Content")]
    [InlineData(429, "warning", "429 Too Many Requests")]
    [InlineData(500, "critical", "500 Internal Server Error")]
    [InlineData(404, "critical", "404 Not Found")]
    public async Task HttpCheck_ProbeAnswer_SetsStatusAndConsulsOutput(int code, string status, string statusLine)
    {
        await using var target = await StatusCodeServer.StartAsync(code);
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync($$$"""{"Name":"web","Check":{"HTTP":"{{{target.Url}}}","Interval":"10s"}}""");

        var check = await ProbedAsync(agent, TimeSpan.FromSeconds(10));

        Assert.Equal(status, (string?)check?["Status"]);
        var body = code == 204 ? "" : StatusCodeServer.Body;
        Assert.Equal($"HTTP GET {target.Url}: {statusLine} Output: {body}", (string?)check?["Output"]);
        Assert.Equal("http", (string?)check?["Type"]);
        Assert.Equal("10s", (string?)check?["Interval"]);
        Assert.Equal("Consul Health Check", target.LastUserAgent);
    }

    [Fact]
    public async Task HttpCheck_IntervalBelowOneSecond_ProbesAtMostOncePerSecond()
    {
        await using var target = await StatusCodeServer.StartAsync(200);
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync($$$"""{"Name":"web","Check":{"HTTP":"{{{target.Url}}}","Interval":"100ms"}}""");

        // Four seconds of fake time in 100 ms steps, with round trips after each so that due probes get to run.
        for (var step = 0; step < 40; step++)
        {
            agent.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await agent.RoundTripsAsync(5);
        }

        await agent.RoundTripsAsync();
        Assert.InRange(target.Hits, 2, 5);
    }

    [Fact]
    public async Task TcpCheck_ListeningPort_IsPassingWithConsulsOutput()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync($$$"""{"Name":"db","Check":{"TCP":"{{{address}}}","Interval":"10s"}}""");

        var check = await ProbedAsync(agent, TimeSpan.FromSeconds(10), "service:db");

        Assert.Equal("passing", (string?)check?["Status"]);
        Assert.Equal($"TCP connect {address}: Success", (string?)check?["Output"]);
        Assert.Equal("tcp", (string?)check?["Type"]);
    }

    [Fact]
    public async Task TcpCheck_ClosedPort_IsCritical()
    {
        int port;
        using (var closed = new TcpListener(IPAddress.Loopback, 0))
        {
            closed.Start();
            port = ((IPEndPoint)closed.LocalEndpoint).Port;
            closed.Stop();
        }

        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync($$$"""{"Name":"db","Check":{"TCP":"127.0.0.1:{{{port}}}","Interval":"10s"}}""");

        var check = await ProbedAsync(agent, TimeSpan.FromSeconds(10), "service:db");

        Assert.Equal("critical", (string?)check?["Status"]);
        Assert.Contains($"127.0.0.1:{port}", (string?)check?["Output"], StringComparison.Ordinal);
    }

    /// <summary>Steps the clock an interval at a time until the check's first probe has reported (its Output is set).</summary>
    private static Task<JsonNode?> ProbedAsync(AgentServer agent, TimeSpan interval, string checkId = "service:web") =>
        AgentServer.PollAsync(
            () => agent.AgentCheckAsync(checkId),
            c => ((string?)c?["Output"] ?? "").Length > 0,
            between: () => agent.Clock.Advance(interval));
}
