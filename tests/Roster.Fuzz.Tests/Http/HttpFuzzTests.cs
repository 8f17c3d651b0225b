using System.Text;
using Roster.Testing.Reliability;

namespace Roster.Fuzz.Tests.Http;

/// <summary>
/// The agent's request decoding (paths, query strings, JSON bodies) over generated requests on a real loopback socket:
/// every request gets a 2xx or 4xx (or one of the two 500s Consul itself sends), never a 500 from a crash, never a
/// connection closed without an answer; and the agent still serves afterwards.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Fuzz)]
public sealed class HttpFuzzTests : IAsyncLifetime
{
    /// <summary>
    /// Consul answers these with 500 itself (its handlers return Go errors that become 500s); the agent keeps Consul's
    /// status and text on purpose, so a generated request may get them. Any other 500 is a crash.
    /// </summary>
    private static readonly string[] ConsulOwn500s =
    [
        "No path to datacenter", "Scripts are disabled on this agent", "strconv.ParseUint: parsing \"", "invalid session \"",
        "does not have associated TTL",
    ];

    private FuzzAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await FuzzAgent.StartAsync();

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Fact]
    public async Task Requests_Generated_AnsweredWithConsulStatusesAndTheAgentStillServes()
    {
        // One at a time: earlier requests change the agent's state, so the same cases in another order are another run.
        var run = await FuzzRun.SampleAsync(ApiRequestGen.Request, CheckAsync, seed: "dGCriNZTTh63", iter: FuzzScale.Iterations(3_000), print: r => r.ToString(), threads: 1);
        ReliabilityLog.Record<HttpFuzzTests>(ReliabilityKind.Fuzz,
            "generated HTTP requests (any method, API paths with mutated segments, query strings, mutated JSON and raw bytes) to a live agent over loopback",
            run.Cases, "requests", run.Failed, run.Note);
        run.ThrowIfFailed();

        var (leader, _) = await RawHttp.SendAsync(_agent.Http, "GET", "/v1/status/leader");
        Assert.Equal(200, leader);
        var register = Encoding.UTF8.GetBytes("""{"Name":"after","ID":"after-1","Port":1}""");
        Assert.Equal(200, (await RawHttp.SendAsync(_agent.Http, "PUT", "/v1/agent/service/register", register)).Status);
        var (status, body) = await RawHttp.SendAsync(_agent.Http, "GET", "/v1/agent/service/after-1");
        Assert.Equal(200, status);
        Assert.Contains("\"ID\":\"after-1\"", body, StringComparison.Ordinal);
    }

    private async Task CheckAsync(ApiRequest request)
    {
        var (status, body) = await RawHttp.SendAsync(_agent.Http, request.Method, request.Target, request.Body);
        var ok = status is >= 200 and < 500
            || (status == 500 && ConsulOwn500s.Any(text => body.Contains(text, StringComparison.Ordinal)))
            // Consul's agent health endpoints answer 503 when the aggregated status is critical: a result, not a failure.
            || (status == 503 && request.Target.StartsWith("/v1/agent/health/service/", StringComparison.Ordinal) && body.Contains("\"AggregatedStatus\":\"critical\"", StringComparison.Ordinal));
        Assert.True(ok, $"answered {status} (0 = closed without an answer): {body}");
    }
}
