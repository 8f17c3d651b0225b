using System.Net;
using System.Net.Sockets;
using CsCheck;
using DnsClient;
using Microsoft.Extensions.Logging;
using Roster.Agent.Hosting;
using Roster.Testing.Reliability;

namespace Roster.Fuzz.Tests.Dns;

/// <summary>
/// The DNS decoder over mutated and random packets on UDP and TCP: a reply is FORMERR (or a proper answer) or none,
/// the server never goes down, and valid queries still answer afterwards.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Fuzz)]
public sealed class DnsFuzzTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>A valid A query for www.service.consul, the seed of the mutations.</summary>
    private static readonly byte[] Query =
    [
        0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
        3, (byte)'w', (byte)'w', (byte)'w', 7, (byte)'s', (byte)'e', (byte)'r', (byte)'v', (byte)'i', (byte)'c', (byte)'e',
        6, (byte)'c', (byte)'o', (byte)'n', (byte)'s', (byte)'u', (byte)'l', 0, 0, 1, 0, 1,
    ];

    private AgentHost _host = null!;
    private IPEndPoint _dns = null!;

    public async Task InitializeAsync()
    {
        _host = AgentHost.Create(
            new AgentOptions { HttpAddress = new IPEndPoint(IPAddress.Loopback, 0), DnsAddress = new IPEndPoint(IPAddress.Loopback, 0), NodeName = "fuzz" },
            logging: l => l.ClearProviders());
        var url = await _host.StartAsync();
        _dns = _host.DnsEndpoint!;
        using var http = new HttpClient { BaseAddress = url, Timeout = Patience };
        using var registered = await http.PutAsync("/v1/agent/service/register", new StringContent("""{"Name":"www","ID":"www-1","Port":20001}"""));
        registered.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Truncations, byte flips, bad label lengths, compression pointers (loops included) and counts that lie.</summary>
    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, int.MaxValue].Array[12]).Select((count, choices) =>
        {
            var packet = Query.ToList();
            for (var i = 0; i < count; i++)
            {
                var (op, a, b) = (choices[2 * i] % 6, choices[(2 * i) + 1], (byte)(choices[(2 * i) + 1] >> 8));
                var at = a % Math.Max(1, packet.Count);
                switch (op)
                {
                    case 0: packet.RemoveRange(Math.Min(at, packet.Count), packet.Count - Math.Min(at, packet.Count)); break;
                    case 1 when packet.Count > 0: packet[at] ^= (byte)(1 << (b % 8)); break;
                    case 2 when packet.Count > 12: packet[12 + (at % (packet.Count - 12))] = (byte)(b % 2 == 0 ? 63 + (b % 4) : b); break;
                    case 3: packet.InsertRange(Math.Min(at, packet.Count), [0xC0, (byte)(b % 2 == 0 ? 12 : at)]); break;
                    case 4 when packet.Count >= 12: packet[4 + (at % 8)] = b; break;
                    default: packet.InsertRange(Math.Min(at, packet.Count), Enumerable.Repeat(b, 1 + (at % 40))); break;
                }
            }

            return packet.ToArray();
        });

    private static readonly Gen<byte[]> Packets = Gen.Frequency((4, Mutated), (1, Gen.Byte.Array[0, 600]));

    [Fact]
    public async Task Packets_MutatedOverUdp_FormErrOrAnswerOrNothing_ThenValidQueriesAnswer()
    {
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        udp.Connect(_dns);
        var run = await FuzzRun.SampleAsync(Packets, async packet => await udp.SendAsync(packet), seed: "7ztVKnZav1t4", iter: FuzzScale.Iterations(5_000), print: Hex, threads: 1);
        ReliabilityLog.Record<DnsFuzzTests>(ReliabilityKind.Fuzz,
            "UDP packets to the DNS server: a valid query with 0-6 truncations, bit flips, bad label lengths, compression pointers, lying counts, or random bytes; then a valid query must answer",
            run.Cases, "packets", run.Failed, run.Note);
        run.ThrowIfFailed();
        await AssertStillAnswersAsync();
    }

    [Fact]
    public async Task Packets_MutatedOverTcp_FormErrOrAnswerOrClosed_ThenValidQueriesAnswer()
    {
        var run = await FuzzRun.SampleAsync(Packets, async packet =>
        {
            var reply = await SendOverTcpAsync(packet);
            // Nothing, or a response to the same ID: FORMERR for a malformed query, an answer (NXDOMAIN, REFUSED…) for a well-formed one.
            Assert.True(reply.Length == 0 || (reply.Length >= 12 && reply[0] == packet[0] && reply[1] == packet[1] && (reply[2] & 0x80) != 0),
                $"unexpected reply {Convert.ToHexString(reply)}");
        }, seed: "1slo9ZYt6NQ5", iter: FuzzScale.Iterations(1_500), print: Hex);
        ReliabilityLog.Record<DnsFuzzTests>(ReliabilityKind.Fuzz,
            "the same mutated and random packets over DNS-over-TCP, one connection each; a reply must be a response to the same ID; then a valid query must answer",
            run.Cases, "packets", run.Failed, run.Note);
        run.ThrowIfFailed();
        await AssertStillAnswersAsync();
    }

    private async Task AssertStillAnswersAsync()
    {
        foreach (var tcp in new[] { false, true })
        {
            var client = new LookupClient(new LookupClientOptions(_dns) { UseCache = false, UseTcpOnly = tcp, Retries = 0, Timeout = Patience, ThrowDnsErrors = false });
            var response = await client.QueryAsync("www.service.consul", QueryType.A);
            Assert.False(response.HasError, response.ErrorMessage);
            Assert.NotEmpty(response.Answers.ARecords());
        }
    }

    /// <summary>One length-framed message; the reply's payload, or empty when the server closed without one.</summary>
    private async Task<byte[]> SendOverTcpAsync(byte[] payload)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(_dns, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync((byte[])[(byte)(payload.Length >> 8), (byte)payload.Length, .. payload], timeout.Token);
        client.Client.Shutdown(SocketShutdown.Send);
        using var reply = new MemoryStream();
        try
        {
            await stream.CopyToAsync(reply, timeout.Token);
        }
        catch (IOException)
        {
            // A reset is the server dropping the connection: as good as closing it.
        }

        return reply.Length >= 2 ? reply.ToArray()[2..] : [];
    }

    private static string Hex(byte[] packet) => Convert.ToHexString(packet);
}
