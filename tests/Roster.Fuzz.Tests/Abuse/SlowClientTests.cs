using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Roster.Fuzz.Tests.Http;
using Roster.Testing.Reliability;

namespace Roster.Fuzz.Tests.Abuse;

/// <summary>
/// Slowloris: many connections trickling a request one header byte at a time. While they are held open, a blocking
/// query still wakes on a change, /v1/status/leader still answers, and a TTL check can still be passed.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Abuse)]
public sealed class SlowClientTests : IAsyncLifetime
{
    private const int SlowConnections = 200;

    private static readonly byte[] Trickle = Encoding.ASCII.GetBytes("GET /v1/status/leader HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + new string('a', 200));

    private FuzzAgent _agent = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _agent = await FuzzAgent.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://{_agent.Http}"), Timeout = RawHttp.Patience };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _agent.DisposeAsync();
    }

    [Fact]
    public async Task SlowConnectionsHeld_BlockingQueryLeaderAndTtlCheck_StillAnswer()
    {
        using var stop = new CancellationTokenSource();
        var clients = new List<TcpClient>();
        try
        {
            for (var i = 0; i < SlowConnections; i++)
            {
                var client = new TcpClient(System.Net.Sockets.AddressFamily.InterNetwork);
                clients.Add(client);
                await client.ConnectAsync(_agent.Http);
            }

            // Every connection gets its first bytes before the real requests, so all of them are held by the server.
            var trickling = TrickleAsync(clients, stop.Token);
            await PutOkAsync("/v1/agent/service/register", """{"Name":"www","ID":"www-1","Port":20001,"Check":{"TTL":"30s"}}""");
            using var first = await _http.GetAsync("/v1/catalog/services");
            var index = first.Headers.GetValues("X-Consul-Index").Single();

            var blocking = _http.GetAsync($"/v1/catalog/services?index={index}&wait=60s");
            var leader = await _http.GetStringAsync("/v1/status/leader");
            await PutOkAsync("/v1/agent/check/pass/service:www-1", null);
            await PutOkAsync("/v1/agent/service/register", """{"Name":"data","ID":"data-1","Port":30001}""");

            using var woken = await blocking;
            var services = JsonDocument.Parse(await woken.Content.ReadAsStringAsync()).RootElement;
            var held = clients.Count(c => c.Connected);
            var leaderOk = System.Text.RegularExpressions.Regex.IsMatch(leader, "^\"[^\"]+\"$");
            ReliabilityLog.Record<SlowClientTests>(ReliabilityKind.Abuse,
                $"{SlowConnections} slowloris connections trickling one header byte each per 20 ms; meanwhile 2 registrations, a TTL pass, /v1/status/leader, a catalog read and a blocking query that must wake",
                6, "requests", (leaderOk ? 0 : 1) + (services.TryGetProperty("data", out _) ? 0 : 1), $"{held} of {SlowConnections} slow connections still open at the end");
            Assert.Matches("^\"[^\"]+\"$", leader);
            Assert.True(services.TryGetProperty("data", out _), services.ToString());
            Assert.Equal(SlowConnections, held);
            await stop.CancelAsync();
            await trickling;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>One byte to each connection per round, a bounded number of rounds (the request line plus 200 header bytes).</summary>
    private static async Task TrickleAsync(List<TcpClient> clients, CancellationToken stop)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (var at = 0; at < Trickle.Length && !stop.IsCancellationRequested; at++)
        {
            foreach (var client in clients)
            {
                await client.GetStream().WriteAsync(Trickle.AsMemory(at, 1), CancellationToken.None);
            }

            try
            {
                await tick.WaitForNextTickAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PutOkAsync(string path, string? body)
    {
        using var response = await _http.PutAsync(path, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
