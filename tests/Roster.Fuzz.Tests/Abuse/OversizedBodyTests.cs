using System.Net;
using Roster.Fuzz.Tests.Http;

namespace Roster.Fuzz.Tests.Abuse;

/// <summary>Bodies past 512 KiB (Consul's kv_max_value_size, the agent's cap for every body) get 413 with Consul's text.</summary>
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
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/v1/kv/chunked")).StatusCode);
    }

    [Fact]
    public async Task PutKv_ExactlyTheLimit_Stored()
    {
        Assert.Equal(200, (await RawHttp.SendAsync(_agent.Http, "PUT", "/v1/kv/edge", new byte[Limit])).Status);
    }

    [Fact]
    public async Task Post_WithABodyPastKestrelsCap_AnsweredNotHung()
    {
        var (status, _) = await RawHttp.SendAsync(_agent.Http, "POST", "/v1/agent/service/register", new byte[(Limit * 2) + 1]);
        Assert.True(status is 405 or 413, $"answered {status}");
    }
}
