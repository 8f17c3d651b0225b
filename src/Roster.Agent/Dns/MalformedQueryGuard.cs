using System.Buffers.Binary;
using System.Net;
using ARSoft.Tools.Net.Dns;

namespace Roster.Agent.Dns;

/// <summary>
/// Wraps a server transport so that malformed input costs nothing. ARSoft 3.6.1's transports already refuse a packet
/// whose message identification they cannot read: UDP drops it, but on TCP the receive gives up while the socket stays
/// open with no reply, for good: one socket held per bad client. So a connection the transport gives up on is closed
/// here. A packet that passes the transport but not the full parse gets FORMERR as miekg/dns (Consul's server) sends it:
/// ID and opcode echoed, no records; a stray response is dropped. A TCP connection is closed after either.
/// </summary>
internal sealed class MalformedQueryGuard(IServerTransport inner) : IServerTransport
{
    private const int HeaderLength = 12;

    public ushort DefaultAllowedResponseSize => inner.DefaultAllowedResponseSize;

    public bool SupportsMultipleResponses => inner.SupportsMultipleResponses;

    public bool AllowTruncatedResponses => inner.AllowTruncatedResponses;

    public TransportProtocol TransportProtocol => inner.TransportProtocol;

    public void Bind() => inner.Bind();

    public void Close() => inner.Close();

    public void Dispose() => inner.Dispose();

    public async Task<IServerConnection?> AcceptConnectionAsync(CancellationToken token = default) =>
        await inner.AcceptConnectionAsync(token) is { } connection ? new Connection(this, connection) : null;

    /// <summary>The FORMERR reply to <paramref name="packet"/>, or null when it is to be dropped.</summary>
    internal static byte[]? FormatErrorFor(ReadOnlySpan<byte> packet)
    {
        const byte responseBit = 0x80;
        if (packet.Length < HeaderLength || (packet[2] & responseBit) != 0)
        {
            return null;
        }

        var reply = new byte[HeaderLength];
        packet[..2].CopyTo(reply);
        reply[2] = (byte)(responseBit | (packet[2] & 0x78));
        reply[3] = (byte)ReturnCode.FormatError;
        return reply;
    }

    private static bool Parses(ArraySegment<byte> packet)
    {
        try
        {
            DnsMessage.Parse(packet);
            return true;
        }
#pragma warning disable CA1031 // Any parse failure of untrusted bytes means "malformed"; ARSoft throws several types.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private sealed class Connection(MalformedQueryGuard transport, IServerConnection inner) : IServerConnection
    {
        private bool _closed;

        public IServerTransport Transport => transport;

        public IPEndPoint RemoteEndPoint => inner.RemoteEndPoint;

        public IPEndPoint LocalEndPoint => inner.LocalEndPoint;

        public bool CanRead => !_closed && inner.CanRead;

        public Task<bool> InitializeAsync(CancellationToken token) => inner.InitializeAsync(token);

        public Task<bool> SendAsync(DnsRawPackage package, CancellationToken token) => inner.SendAsync(package, token);

        public async Task<DnsReceivedRawPackage?> ReceiveAsync(CancellationToken token)
        {
            var package = await inner.ReceiveAsync(token);
            if (package is null)
            {
                // The client closed, timed out or sent bytes the transport could not frame: close our side as well.
                Close();
                return null;
            }

            if (Parses(package.ToArraySegment(false)))
            {
                return package;
            }

            if (FormatErrorFor(package.ToArraySegment(false)) is { } reply)
            {
                var framed = new byte[DnsRawPackage.LENGTH_HEADER_LENGTH + reply.Length];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)reply.Length);
                reply.CopyTo(framed, DnsRawPackage.LENGTH_HEADER_LENGTH);
                await inner.SendAsync(new DnsRawPackage(framed), token);
            }

            Close();
            return null;
        }

        private void Close()
        {
            _closed = true;
            inner.Dispose();
        }

        public void Dispose() => inner.Dispose();
    }
}
