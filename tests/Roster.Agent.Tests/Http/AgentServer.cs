using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Roster.Agent.Hosting;
using Roster.Testing.Time;

namespace Roster.Agent.Tests.Http;

/// <summary>
/// A real agent on a loopback port, on a fake clock, with the HTTP helpers the API specifications share. Bodies go
/// out as raw JSON text and come back as <see cref="JsonNode"/>, so field names and casing are asserted as sent.
/// </summary>
internal sealed class AgentServer : IAsyncDisposable
{
    /// <summary>The longest a test waits for something that should happen at once: a bound, never a pause.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly AgentHost _host;

    private AgentServer(AgentHost host, FakeClock clock, HttpClient http)
    {
        _host = host;
        Clock = clock;
        Http = http;
    }

    public FakeClock Clock { get; }

    public HttpClient Http { get; }

    public static async Task<AgentServer> StartAsync(Func<AgentOptions, AgentOptions>? configure = null)
    {
        var clock = new FakeClock();
        var options = new AgentOptions { HttpAddress = new IPEndPoint(IPAddress.Loopback, 0) };
        var host = AgentHost.Create(configure is null ? options : configure(options), clock, logging => logging.ClearProviders());
        var baseUrl = await host.StartAsync();
        return new AgentServer(host, clock, new HttpClient { BaseAddress = baseUrl, Timeout = Patience * 4 });
    }

    public Task<HttpResponseMessage> PutAsync(string path, string? body = null) =>
        Http.PutAsync(path, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> SendAsync(string method, string path) => Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

    /// <summary>A write that must succeed with Consul's 200.</summary>
    public async Task PutOkAsync(string path, string? body = null)
    {
        using var response = await PutAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path} answered {(int)response.StatusCode}: {text}");
    }

    public Task RegisterAsync(string serviceJson) => PutOkAsync("/v1/agent/service/register", serviceJson);

    public async Task<JsonNode?> GetJsonAsync(string path) => (await GetIndexedAsync(path)).Body;

    public async Task<(JsonNode? Body, ulong Index)> GetIndexedAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return await ReadJsonAsync(response);
    }

    /// <summary>The body of a 200 as JSON (null for a JSON null) and its X-Consul-Index (0 when absent).</summary>
    public static async Task<(JsonNode? Body, ulong Index)> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return (JsonNode.Parse(text), IndexOf(response));
    }

    public static ulong IndexOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Consul-Index", out var values) ? ulong.Parse(values.Single(), NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    /// <summary>One check as /v1/agent/checks lists it, or null when the agent has no such check.</summary>
    public async Task<JsonNode?> AgentCheckAsync(string checkId) => (await GetJsonAsync("/v1/agent/checks"))![checkId];

    public async Task<string> NodeNameAsync() => (string)(await GetJsonAsync("/v1/agent/self"))!["Config"]!["NodeName"]!;

    /// <summary>
    /// Reads until <paramref name="until"/> holds or the attempts run out, doing <paramref name="between"/> (a clock
    /// step, say) before each new read. Each read is an HTTP round trip, which gives the agent's background work time
    /// to land. Returns the last read so the caller's assertion shows what was there.
    /// </summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> until, Action? between = null, int attempts = 1000)
    {
        var value = await read();
        for (var attempt = 1; attempt < attempts && !until(value); attempt++)
        {
            between?.Invoke();
            await Task.Yield();
            value = await read();
        }

        return value;
    }

    /// <summary>A few HTTP round trips: the chance for something that must not happen to show that it did.</summary>
    public async Task RoundTripsAsync(int count = 20)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await Http.GetAsync("/v1/status/leader");
        }
    }

    /// <summary>
    /// Starts a blocking GET whose effective wait is <paramref name="wait"/> (plus Consul's jitter of up to 1/16) and
    /// returns once the agent holds it, its wait timer created, or has already answered (which the caller asserts on).
    /// </summary>
    public async Task<Task<HttpResponseMessage>> StartBlockingAsync(string path, TimeSpan wait)
    {
        var held = Clock.WhenTimerCreated(due => due >= wait && due <= wait + (wait / 16));
        var response = Http.GetAsync(path);
        try
        {
            await Task.WhenAny(held, response).WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"GET {path}: the agent neither answered nor started a wait of {wait} (plus up to 1/16 jitter) on its clock");
        }

        return response;
    }

    /// <summary>Moves the clock past a wait and its largest jitter.</summary>
    public void AdvancePast(TimeSpan wait) => Clock.Advance(wait + (wait / 16) + TimeSpan.FromMilliseconds(1));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}
