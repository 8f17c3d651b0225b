using System.Net;
using System.Net.Sockets;
using System.Text;
using DnsClient;
using Microsoft.Extensions.Logging;
using Roster.Agent.Hosting;

namespace Roster.Agent.Tests.Dns;

/// <summary>An in-process agent with its DNS interface on a free loopback port, and DnsClient lookups against it.</summary>
internal sealed class DnsAgent : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly AgentHost _host;
    private readonly HttpClient _http;

    private DnsAgent(AgentHost host, HttpClient http, IPEndPoint dns)
    {
        _host = host;
        _http = http;
        Dns = dns;
    }

    public IPEndPoint Dns { get; }

    public static async Task<DnsAgent> StartAsync()
    {
        var options = new AgentOptions
        {
            HttpAddress = new IPEndPoint(IPAddress.Loopback, 0),
            DnsAddress = new IPEndPoint(IPAddress.Loopback, 0),
            NodeName = "n1",
        };
        var host = AgentHost.Create(options, logging: logging => logging.ClearProviders());
        var url = await host.StartAsync();
        return new DnsAgent(host, new HttpClient { BaseAddress = url, Timeout = Patience }, host.DnsEndpoint!);
    }

    public async Task RegisterAsync(string id, int port, string? checkStatus = null, params string[] tags)
    {
        var check = checkStatus is null ? "" : $$""", "Check": {"TTL": "60s", "Status": "{{checkStatus}}"}""";
        var body = $$"""{"Name": "www", "ID": "{{id}}", "Port": {{port}}, "Tags": [{{string.Join(',', tags.Select(t => $"\"{t}\""))}}]{{check}}}""";
        using var response = await _http.PutAsync("/v1/agent/service/register", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Turns the TTL check of a service registered with one critical.</summary>
    public async Task FailAsync(string id)
    {
        using var response = await _http.PutAsync($"/v1/agent/check/fail/service:{id}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// One plain query over UDP, without EDNS, parsed with ARSoft: DnsClient refuses to hand back a truncated reply
    /// when it may not retry over TCP, and the truncated reply is what is under test.
    /// </summary>
    public async Task<ARSoft.Tools.Net.Dns.DnsMessage> RawUdpQueryAsync(string name, ushort type)
    {
        var query = new List<byte> { 0x4a, 0x21, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            query.Add((byte)label.Length);
            query.AddRange(Encoding.ASCII.GetBytes(label));
        }

        query.AddRange([0, (byte)(type >> 8), (byte)type, 0, 1]);
        using var udp = new System.Net.Sockets.UdpClient(AddressFamily.InterNetwork);
        await udp.SendAsync(query.ToArray(), Dns);
        using var timeout = new CancellationTokenSource(Patience);
        var reply = await udp.ReceiveAsync(timeout.Token);
        return ARSoft.Tools.Net.Dns.DnsMessage.Parse(reply.Buffer);
    }

    /// <summary>A DnsClient that asks once, with no cache; <paramref name="edns"/> 0 sends no OPT record.</summary>
    public LookupClient Client(bool tcp = false, int edns = 0) => new(new LookupClientOptions(Dns)
    {
        UseCache = false,
        UseTcpOnly = tcp,
        UseTcpFallback = false,
        ExtendedDnsBufferSize = edns == 0 ? 512 : edns,
        Retries = 0,
        Timeout = Patience,
        ThrowDnsErrors = false,
        ContinueOnDnsError = false,
        ContinueOnEmptyResponse = false,
    });

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }
}
