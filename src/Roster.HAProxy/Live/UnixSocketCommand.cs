using System.Net.Sockets;
using System.Text;

namespace Roster.HAProxy.Live;

/// <summary>
/// One command to one of HAProxy's Unix sockets (the admin stats socket or the master CLI) in non-interactive mode:
/// connect, send one line, half-close, read until HAProxy closes.
/// </summary>
internal static class UnixSocketCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <exception cref="ArgumentException"><paramref name="command"/> holds a line break (it would be a second command).</exception>
    /// <exception cref="HAProxySocketException">Nothing listens on <paramref name="path"/> (HAProxy down or re-executing), or it reset the connection.</exception>
    /// <exception cref="TimeoutException">No complete answer within <paramref name="timeout"/> (default 10 s).</exception>
    public static async Task<string> SendAsync(string path, string command, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            // A second line would be a second command, run with the same admin rights.
            throw new ArgumentException("an HAProxy CLI command is a single line", nameof(command));
        }

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
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        }
        catch (SocketException e)
        {
            var why = File.Exists(path) ? $"refused the connection ({e.SocketErrorCode})" : "does not exist";
            throw new HAProxySocketException($"HAProxy socket {path} {why}", e);
        }

        try
        {
            await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), SocketFlags.None, cancellationToken);

            // The master CLI answers and then waits for the next command until the client half-closes (the stats socket
            // closes by itself): without this, a master-CLI reply never ends and the read runs into the timeout.
            socket.Shutdown(SocketShutdown.Send);
            return await ReadToEndAsync(socket, cancellationToken);
        }
        catch (SocketException e)
        {
            // Reset mid-reply: the master CLI does this while the master starts or re-executes.
            throw new HAProxySocketException($"HAProxy socket {path} dropped the connection during '{command}' ({e.SocketErrorCode})", e, connected: true);
        }
    }

    private static async Task<string> ReadToEndAsync(Socket socket, CancellationToken cancellationToken)
    {
        var reply = new StringBuilder();
        var buffer = new byte[16 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];

        // One decoder for the whole reply: a multi-byte character may be split between two reads.
        var decoder = Encoding.UTF8.GetDecoder();
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            reply.Append(chars, 0, decoder.GetChars(buffer, 0, read, chars, 0, flush: read == 0));
            if (read == 0)
            {
                return reply.ToString();
            }
        }
    }
}
