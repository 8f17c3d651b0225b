using System.Net.Sockets;
using System.Text;

namespace Roster.HAProxy.Live;

/// <summary>
/// One command to one of HAProxy's Unix sockets (the admin stats socket or the master CLI): HAProxy answers and closes
/// the connection, so the reply is everything read until then.
/// </summary>
internal static class UnixSocketCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <exception cref="SocketException">Nothing listens on <paramref name="path"/> (HAProxy down or re-executing).</exception>
    /// <exception cref="TimeoutException">No complete answer within <paramref name="timeout"/> (default 10 s).</exception>
    public static async Task<string> SendAsync(string path, string command, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            return await ExchangeAsync(path, command, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"HAProxy did not answer '{command}' on {path}");
        }
    }

    private static async Task<string> ExchangeAsync(string path, string command, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), SocketFlags.None, cancellationToken);
        var reply = new StringBuilder();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
        {
            reply.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return reply.ToString();
    }
}
