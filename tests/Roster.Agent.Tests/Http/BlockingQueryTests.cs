using System.Globalization;
using System.Net;

namespace Roster.Agent.Tests.Http;

/// <summary>
/// Blocking queries (consul-api.md §1.4, §6.7): ?index and ?wait on the agent's injected clock. A held request is
/// started, then either a write lets it go with a larger index, or the fake clock passes the wait and it answers
/// the index it was given.
/// </summary>
public sealed class BlockingQueryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HealthService_NoChange_HoldsForTheWaitThenAnswersTheSameIndex()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"1h","Status":"passing"}}""");
        var (_, index) = await agent.GetIndexedAsync("/v1/health/service/svc");

        var pending = await agent.StartBlockingAsync($"/v1/health/service/svc?index={index}&wait=2s", Wait);
        await agent.RoundTripsAsync();
        Assert.False(pending.IsCompleted, "answered before any change and before the wait");
        agent.Clock.Advance(Wait - TimeSpan.FromMilliseconds(100));
        await agent.RoundTripsAsync();
        Assert.False(pending.IsCompleted, "answered before the wait was over");
        agent.AdvancePast(Wait);

        using var response = await pending.WaitAsync(AgentServer.Patience);
        var (body, after) = await AgentServer.ReadJsonAsync(response);
        Assert.Equal(index, after);
        Assert.Single(body!.AsArray());
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("60000ms", 60)]
    [InlineData("1m30s", 90)]
    public async Task HealthService_ChangeWhileHeld_AnswersAtOnceWithALargerIndexAndTheNewStatus(string wait, int seconds)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"1h","Status":"passing"}}""");
        var (_, index) = await agent.GetIndexedAsync("/v1/health/service/svc");
        var pending = await agent.StartBlockingAsync($"/v1/health/service/svc?index={index}&wait={wait}", TimeSpan.FromSeconds(seconds));
        Assert.False(pending.IsCompleted, "answered before any change");

        await agent.PutOkAsync("/v1/agent/check/warn/service:svc");

        using var response = await pending.WaitAsync(AgentServer.Patience);
        var (body, after) = await AgentServer.ReadJsonAsync(response);
        Assert.True(after > index, $"index {after} after a change, was {index}");
        var check = body![0]!["Checks"]!.AsArray().Single(c => (string?)c!["CheckID"] == "service:svc")!;
        Assert.Equal("warning", (string?)check["Status"]);
    }

    [Theory]
    [InlineData("/v1/health/service/svc?index=5&wait=abc", "Invalid wait time")]
    [InlineData("/v1/health/service/svc?index=5&wait=10", "Invalid wait time")]
    [InlineData("/v1/health/service/svc?index=-1", "Invalid index")]
    [InlineData("/v1/health/service/svc?index=abc", "Invalid index")]
    [InlineData("/v1/catalog/services?index=1&wait=-", "Invalid wait time")]
    [InlineData("/v1/kv/a?index=x", "Invalid index")]
    public async Task Read_BadIndexOrWait_Is400WithConsulsText(string path, string text)
    {
        await using var agent = await AgentServer.StartAsync();

        using var response = await agent.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(text, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ok")]
    public async Task HealthService_RepeatedIdenticalTtlPass_DoesNotMoveTheIndex(string note)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"1h"}}""");
        await agent.PutOkAsync($"/v1/agent/check/pass/service:svc?note={note}");
        var (_, index) = await agent.GetIndexedAsync("/v1/health/service/svc");
        var pending = await agent.StartBlockingAsync($"/v1/health/service/svc?index={index}&wait=2s", Wait);

        await agent.PutOkAsync($"/v1/agent/check/pass/service:svc?note={note}");
        await agent.PutOkAsync($"/v1/agent/check/pass/service:svc?note={note}");
        await agent.RoundTripsAsync();
        Assert.False(pending.IsCompleted, "an identical pass woke the watcher");
        agent.AdvancePast(Wait);

        using var response = await pending.WaitAsync(AgentServer.Patience);
        Assert.Equal(index, AgentServer.IndexOf(response));
    }

    [Theory]
    [InlineData("/v1/health/service/a")]
    [InlineData("/v1/catalog/service/a")]
    [InlineData("/v1/health/checks/a")]
    public async Task ServiceRead_WritesToAnotherService_DoNotMoveItsIndex(string path)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"a","Check":{"TTL":"1h","Status":"passing"}}""");
        await agent.RegisterAsync("""{"Name":"b","Check":{"TTL":"1h"}}""");
        var (_, index) = await agent.GetIndexedAsync(path);
        var pending = await agent.StartBlockingAsync($"{path}?index={index}&wait=2s", Wait);

        await agent.PutOkAsync("/v1/agent/check/pass/service:b");
        await agent.PutOkAsync("/v1/agent/check/warn/service:b?note=slow");
        await agent.RegisterAsync("""{"Name":"b","ID":"b-2","Tags":["x"],"Check":{"TTL":"1h"}}""");
        await agent.PutOkAsync("/v1/agent/service/maintenance/b-2?enable=true");
        await agent.PutOkAsync("/v1/agent/service/deregister/b-2");
        await agent.PutOkAsync("/v1/kv/a", "not the service");
        await agent.RoundTripsAsync();
        Assert.False(pending.IsCompleted, "a write to service b woke a watcher of service a");
        agent.AdvancePast(Wait);

        using var response = await pending.WaitAsync(AgentServer.Patience);
        Assert.Equal(index, AgentServer.IndexOf(response));
    }

    public static TheoryData<string, string, string, string?> RelevantWrites => new()
    {
        { "/v1/catalog/services", "PUT", "/v1/agent/service/register", """{"Name":"db"}""" },
        { "/v1/catalog/services", "PUT", "/v1/agent/service/register", """{"Name":"web","ID":"web-1","Tags":["new"],"Check":{"TTL":"1h"}}""" },
        { "/v1/catalog/service/web", "PUT", "/v1/agent/service/register", """{"Name":"web","ID":"web-2"}""" },
        { "/v1/catalog/node/node-7", "PUT", "/v1/agent/service/register", """{"Name":"db"}""" },
        { "/v1/health/service/web", "PUT", "/v1/agent/check/fail/service:web-1", null },
        { "/v1/health/service/web", "PUT", "/v1/agent/service/maintenance/web-1?enable=true", null },
        { "/v1/health/service/web", "PUT", "/v1/agent/service/deregister/web-1", null },
        { "/v1/health/checks/web", "PUT", "/v1/agent/check/warn/service:web-1", null },
        { "/v1/health/state/any", "PUT", "/v1/agent/check/warn/service:web-1", null },
        { "/v1/health/state/passing", "PUT", "/v1/agent/check/register", """{"Name":"mem","TTL":"1h","Status":"passing"}""" },
        { "/v1/health/node/node-7", "PUT", "/v1/agent/check/register", """{"Name":"mem","TTL":"1h"}""" },
        { "/v1/kv/app/config", "PUT", "/v1/kv/app/config", "v" },
        { "/v1/kv/app/other", "PUT", "/v1/kv/app/other", "v2" },
        { "/v1/kv/app/other", "DELETE", "/v1/kv/app/other", null },
        { "/v1/kv/app?recurse", "PUT", "/v1/kv/app/new", "v" },
        { "/v1/kv/app/?keys", "DELETE", "/v1/kv/app/other", null },
    };

    [Theory]
    [MemberData(nameof(RelevantWrites))]
    public async Task BlockingRead_RelevantWrite_AnswersAtOnceWithALargerIndex(string path, string method, string writePath, string? body)
    {
        await using var agent = await AgentServer.StartAsync(o => o with { NodeName = "node-7" });
        await agent.RegisterAsync("""{"Name":"web","ID":"web-1","Check":{"TTL":"1h","Status":"passing"}}""");
        await agent.PutOkAsync("/v1/kv/app/other", "v1");
        ulong index;
        using (var first = await agent.Http.GetAsync(path))
        {
            index = AgentServer.IndexOf(first);
        }

        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var pending = await agent.StartBlockingAsync($"{path}{separator}index={index}&wait=30s", LongWait);
        Assert.False(pending.IsCompleted, "answered before any change");

        using (var write = await agent.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), writePath) { Content = body is null ? null : new StringContent(body) }))
        {
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        }

        using var response = await pending.WaitAsync(AgentServer.Patience);
        Assert.True(AgentServer.IndexOf(response) > index, $"index {AgentServer.IndexOf(response)} after the write, was {index}");
    }

    [Fact]
    public async Task KvGet_MissingKeyHeldOnIts404Index_AnswersTheValueOnceCreated()
    {
        await using var agent = await AgentServer.StartAsync();
        ulong index;
        using (var missing = await agent.Http.GetAsync("/v1/kv/app/config"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            index = AgentServer.IndexOf(missing);
        }

        var pending = await agent.StartBlockingAsync($"/v1/kv/app/config?index={index}&wait=30s", LongWait);
        await agent.PutOkAsync("/v1/kv/app/other", "unrelated");
        await agent.RoundTripsAsync();
        Assert.False(pending.IsCompleted, "a write to another key answered the watcher of a missing key");
        await agent.PutOkAsync("/v1/kv/app/config", "hello");

        using var response = await pending.WaitAsync(AgentServer.Patience);
        var (body, after) = await AgentServer.ReadJsonAsync(response);
        Assert.True(after > index);
        Assert.Equal("aGVsbG8=", (string?)body![0]!["Value"]);
    }

    [Theory]
    [InlineData("", 300)]
    [InlineData("&wait=0s", 300)]
    [InlineData("&wait=1h", 600)]
    public async Task HealthService_WaitAbsentOrTooLong_UsesConsulsDefaultAndCap(string wait, int seconds)
    {
        await using var agent = await AgentServer.StartAsync();
        var effective = TimeSpan.FromSeconds(seconds);
        var (_, index) = await agent.GetIndexedAsync("/v1/health/service/svc");

        var pending = await agent.StartBlockingAsync($"/v1/health/service/svc?index={index}{wait}", effective);
        agent.Clock.Advance(effective - TimeSpan.FromSeconds(1));
        await agent.RoundTripsAsync();
        Assert.False(pending.IsCompleted, $"answered before {effective}");
        agent.AdvancePast(effective);

        using var response = await pending.WaitAsync(AgentServer.Patience);
        Assert.Equal(index, AgentServer.IndexOf(response));
    }

    [Fact]
    public async Task HealthService_IndexAheadOfTheAgents_HoldsForTheWaitThenAnswersTheCurrentIndex()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc"}""");
        var (_, index) = await agent.GetIndexedAsync("/v1/health/service/svc");

        var pending = await agent.StartBlockingAsync($"/v1/health/service/svc?index={index + 1000}&wait=2s", Wait);
        Assert.False(pending.IsCompleted, "answered an index from the future at once");
        agent.AdvancePast(Wait);

        using var response = await pending.WaitAsync(AgentServer.Patience);
        Assert.Equal(index, AgentServer.IndexOf(response));
    }

    [Theory]
    [InlineData("/v1/health/service/svc?wait=30s")]
    [InlineData("/v1/health/service/svc?index=0&wait=30s")]
    [InlineData("/v1/health/service/svc?index={older}&wait=30s")]
    [InlineData("/v1/agent/services?index={current}&wait=30s")]
    [InlineData("/v1/agent/checks?index={current}&wait=30s")]
    public async Task Read_NothingToWaitFor_AnswersAtOnce(string template)
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"svc","Check":{"TTL":"1h"}}""");
        var (_, index) = await agent.GetIndexedAsync("/v1/health/service/svc");
        var path = template
            .Replace("{older}", (index - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{current}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await agent.Http.GetAsync(path).WaitAsync(AgentServer.Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/v1/health/service/web")]
    [InlineData("/v1/health/service/nope")]
    [InlineData("/v1/health/checks/web")]
    [InlineData("/v1/health/node/node-7")]
    [InlineData("/v1/health/state/any")]
    [InlineData("/v1/catalog/services")]
    [InlineData("/v1/catalog/service/web")]
    [InlineData("/v1/catalog/nodes")]
    [InlineData("/v1/catalog/node/node-7")]
    [InlineData("/v1/kv/present")]
    [InlineData("/v1/kv/present?raw")]
    [InlineData("/v1/kv/missing")]
    [InlineData("/v1/kv/?recurse")]
    [InlineData("/v1/kv/?keys")]
    public async Task BlockingCapableRead_Always_SendsIndexLastContactAndKnownLeader(string path)
    {
        await using var agent = await AgentServer.StartAsync(o => o with { NodeName = "node-7" });
        await agent.RegisterAsync("""{"Name":"web","Check":{"TTL":"1h"}}""");
        await agent.PutOkAsync("/v1/kv/present", "v");

        using var response = await agent.Http.GetAsync(path);

        var index = Header(response, "X-Consul-Index");
        Assert.True(ulong.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1, $"X-Consul-Index: {index}");
        var lastContact = Header(response, "X-Consul-LastContact");
        Assert.True(ulong.TryParse(lastContact, NumberStyles.None, CultureInfo.InvariantCulture, out _), $"X-Consul-LastContact: {lastContact}");
        var knownLeader = Header(response, "X-Consul-KnownLeader");
        Assert.True(knownLeader is "true" or "false", $"X-Consul-KnownLeader: {knownLeader}");
    }

    [Fact]
    public async Task Index_AcrossASequenceOfWrites_NeverDecreases()
    {
        await using var agent = await AgentServer.StartAsync();
        string[] reads = ["/v1/catalog/services", "/v1/health/service/svc", "/v1/health/state/any", "/v1/catalog/service/svc"];
        var last = new ulong[reads.Length];
        (string Path, string? Body)[] writes =
        [
            ("/v1/agent/service/register", """{"Name":"svc","Check":{"TTL":"1h"}}"""),
            ("/v1/agent/check/pass/service:svc", null),
            ("/v1/agent/check/warn/service:svc?note=x", null),
            ("/v1/agent/service/register", """{"Name":"svc","ID":"svc-2","Tags":["b"]}"""),
            ("/v1/agent/service/maintenance/svc?enable=true", null),
            ("/v1/agent/service/maintenance/svc?enable=false", null),
            ("/v1/agent/service/deregister/svc-2", null),
            ("/v1/kv/k", "v"),
            ("/v1/agent/service/deregister/svc", null),
            ("/v1/agent/service/register", """{"Name":"svc"}"""),
        ];

        foreach (var (writePath, body) in writes)
        {
            await agent.PutOkAsync(writePath, body);
            for (var i = 0; i < reads.Length; i++)
            {
                var (_, index) = await agent.GetIndexedAsync(reads[i]);
                Assert.True(index >= last[i], $"{reads[i]} went from {last[i]} to {index} after PUT {writePath}");
                last[i] = index;
            }
        }
    }

    [Fact]
    public async Task AgentService_SameHash_HoldsUntilTheServiceChanges()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"web","ID":"web-1","Port":80}""");
        var hash = (string?)(await agent.GetJsonAsync("/v1/agent/service/web-1"))!["ContentHash"];

        var pending = await agent.StartBlockingAsync($"/v1/agent/service/web-1?hash={hash}&wait=30s", LongWait);
        await agent.RegisterAsync("""{"Name":"other","ID":"other-1","Port":90}""");
        await agent.RoundTripsAsync();
        Assert.False(pending.IsCompleted, "answered although web-1 did not change");
        await agent.RegisterAsync("""{"Name":"web","ID":"web-1","Port":81}""");

        using var response = await pending.WaitAsync(AgentServer.Patience);
        var (body, _) = await AgentServer.ReadJsonAsync(response);
        Assert.Equal(81, (int?)body!["Port"]);
        Assert.NotEqual(hash, Header(response, "X-Consul-ContentHash"));
    }

    [Fact]
    public async Task AgentService_DeregisteredWhileHeld_Answers404()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"web","ID":"web-1","Port":80}""");
        var hash = (string?)(await agent.GetJsonAsync("/v1/agent/service/web-1"))!["ContentHash"];

        var pending = await agent.StartBlockingAsync($"/v1/agent/service/web-1?hash={hash}&wait=30s", LongWait);
        await agent.PutOkAsync("/v1/agent/service/deregister/web-1");

        using var response = await pending.WaitAsync(AgentServer.Patience);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AgentService_SameHashNoChange_AnswersTheSameServiceAfterTheWait()
    {
        await using var agent = await AgentServer.StartAsync();
        await agent.RegisterAsync("""{"Name":"web","ID":"web-1","Port":80}""");
        var hash = (string?)(await agent.GetJsonAsync("/v1/agent/service/web-1"))!["ContentHash"];

        var pending = await agent.StartBlockingAsync($"/v1/agent/service/web-1?hash={hash}&wait=2s", Wait);
        await agent.RoundTripsAsync();
        Assert.False(pending.IsCompleted, "answered before the wait was over");
        agent.AdvancePast(Wait);

        using var response = await pending.WaitAsync(AgentServer.Patience);
        Assert.Equal(hash, Header(response, "X-Consul-ContentHash"));
    }

    private static string Header(HttpResponseMessage response, string name)
    {
        Assert.True(response.Headers.TryGetValues(name, out var values), $"{response.RequestMessage?.RequestUri} sent no {name} header");
        return values.Single();
    }
}
