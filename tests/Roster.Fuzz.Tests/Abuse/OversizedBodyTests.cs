using System.Net;
using Roster.Fuzz.Tests.Http;
using Roster.Testing.Reliability;

namespace Roster.Fuzz.Tests.Abuse;

/// <summary>Bodies past 512 KiB (Consul's kv_max_value_size, the agent's cap for every body) get 413 with Consul's text.</summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Abuse)]
public sealed class OversizedBodyTests : IAsyncLifetime
{
    private const int Limit = 512 * 1024;

    private FuzzAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await FuzzAgent.StartAsync();

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Theory]
    [InlineData("/v1/kv/big")]
    [InlineData("/v1/agent/service/register")]
    [InlineData("/v1/agent/check/register")]
    [InlineData("/v1/agent/check/update/service:x")]
    public async Task Put_OneByteOverTheLimit_413WithConsulsText(string path)
    {
        var (status, body) = await RawHttp.SendAsync(_agent.Http, "PUT", path, new byte[Limit + 1]);
        ReliabilityLog.Record<OversizedBodyTests>(ReliabilityKind.Abuse, $"PUT {path} with a body one byte over 512 KiB: 413 with Consul's text",
            1, "requests", status == 413 && body.Contains("too large", StringComparison.Ordinal) ? 0 : 1, $"answered {status}");
        Assert.Equal(413, status);
        Assert.Contains($"Request body({Limit + 1} bytes) too large, max size: {Limit} bytes.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutKv_ChunkedOverTheLimit_413()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://{_agent.Http}"), Timeout = RawHttp.Patience };
        // No Content-Length: the agent has to count as it reads.
        using var content = new StreamContent(new MemoryStream(new byte[Limit * 2]));
        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/kv/chunked") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await http.SendAsync(request);
        using var stored = await http.GetAsync("/v1/kv/chunked");
        ReliabilityLog.Record<OversizedBodyTests>(ReliabilityKind.Abuse, "PUT /v1/kv with a chunked 1 MiB body (no Content-Length): 413 and nothing stored",
            1, "requests", response.StatusCode == HttpStatusCode.RequestEntityTooLarge && stored.StatusCode == HttpStatusCode.NotFound ? 0 : 1,
            $"answered {(int)response.StatusCode}, then GET {(int)stored.StatusCode}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Fact]
    public async Task PutKv_ExactlyTheLimit_Stored()
    {
        var (status, _) = await RawHttp.SendAsync(_agent.Http, "PUT", "/v1/kv/edge", new byte[Limit]);
        ReliabilityLog.Record<OversizedBodyTests>(ReliabilityKind.Abuse, "PUT /v1/kv with a body of exactly 512 KiB: stored (the limit is not off by one)",
            1, "requests", status == 200 ? 0 : 1, $"answered {status}");
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Post_WithABodyPastKestrelsCap_AnsweredNotHung()
    {
        var (status, _) = await RawHttp.SendAsync(_agent.Http, "POST", "/v1/agent/service/register", new byte[(Limit * 2) + 1]);
        ReliabilityLog.Record<OversizedBodyTests>(ReliabilityKind.Abuse, "POST with a body past Kestrel's own cap (1 MiB + 1): answered 405 or 413, not hung",
            1, "requests", status is 405 or 413 ? 0 : 1, $"answered {status}");
        Assert.True(status is 405 or 413, $"answered {status}");
    }
}
