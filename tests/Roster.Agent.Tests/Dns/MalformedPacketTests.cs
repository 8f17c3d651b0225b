using System.Net.Sockets;
using DnsClient;

namespace Roster.Agent.Tests.Dns;

/// <summary>Garbage on either transport is answered FORMERR or dropped, and the server keeps answering.</summary>
public sealed class MalformedPacketTests : IAsyncLifetime
{
    private DnsAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await DnsAgent.StartAsync();

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    /// <summary>A readable query header that claims an additional record, followed by bytes that are not one.</summary>
    private static readonly byte[] BadBody =
        [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1, 3, (byte)'w', (byte)'w', (byte)'w', 6, (byte)'c', (byte)'o', (byte)'n', (byte)'s', (byte)'u', (byte)'l', 0, 0, 1, 0, 1, 0xff, 0xff, 0xff];

    [Fact]
    public async Task Garbage_OverUdpAndTcp_ThenAValidQueryStillAnswers()
    {
        await _agent.RegisterAsync("www-1", 20001);
        using (var udp = new UdpClient(AddressFamily.InterNetwork))
        {
            await udp.SendAsync(new byte[] { 0x00 }, _agent.Dns);
            await udp.SendAsync("garbage garbage garbage"u8.ToArray(), _agent.Dns);
            await udp.SendAsync(new byte[700], _agent.Dns);
        }

        foreach (var payload in new[] { "xxxxxxxxxxxxxxxx"u8.ToArray(), new byte[] { 1, 2, 3 } })
        {
            Assert.Empty(await SendOverTcpAsync(payload));
        }

        var response = await _agent.Client().QueryAsync("www.service.consul", QueryType.A);
        Assert.Single(response.Answers.ARecords());
        var tcp = await _agent.Client(tcp: true).QueryAsync("www.service.consul", QueryType.A);
        Assert.Single(tcp.Answers.ARecords());
    }

    [Fact]
    public async Task ReadableHeaderBadBody_GetsFormErrOverUdpAndTcp()
    {
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        await udp.SendAsync(BadBody, _agent.Dns);
        using var timeout = new CancellationTokenSource(DnsAgent.Patience);
        var reply = (await udp.ReceiveAsync(timeout.Token)).Buffer;
        Assert.Equal(new byte[] { 0x12, 0x34, 0x80, 0x01 }, reply[..4]);

        var tcpReply = await SendOverTcpAsync(BadBody);
        Assert.Equal(new byte[] { 0, 12, 0x12, 0x34, 0x80, 0x01 }, tcpReply[..6]);
    }

    /// <summary>Sends one length-framed message and reads until the server closes the connection (bounded).</summary>
    private async Task<byte[]> SendOverTcpAsync(byte[] payload)
    {
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(_agent.Dns);
        var stream = client.GetStream();
        await stream.WriteAsync((byte[])[(byte)(payload.Length >> 8), (byte)payload.Length, .. payload]);
        using var timeout = new CancellationTokenSource(DnsAgent.Patience);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        return received.ToArray();
    }
}
