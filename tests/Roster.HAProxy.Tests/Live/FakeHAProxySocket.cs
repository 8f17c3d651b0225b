using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Roster.HAProxy.Tests.Live;

/// <summary>
/// A Unix socket that answers like HAProxy's CLI in non-interactive mode: reads one command line, writes the scripted
/// reply, closes. <see cref="Hang"/> makes it answer nothing and keep the connection open; <see cref="LikeMasterCli"/>
/// makes it keep the connection open after its reply until the client half-closes, as HAProxy's master CLI does.
/// </summary>
internal sealed class FakeHAProxySocket : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly Func<string, string> _reply;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public FakeHAProxySocket(string path, Func<string, string> reply)
    {
        Path = path;
        _reply = reply;
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen();
        _accepting = AcceptAsync();
    }

    public string Path { get; }

    public bool Hang { get; init; }

    public bool LikeMasterCli { get; init; }

    /// <summary>Every command received, in order.</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var connection = await _listener.AcceptAsync(_stop.Token);
            _ = AnswerAsync(connection);
        }
    }

    private async Task AnswerAsync(Socket connection)
    {
        using (connection)
        {
            var received = new StringBuilder();
            var buffer = new byte[4096];
            while (!received.ToString().Contains('\n', StringComparison.Ordinal))
            {
                var read = await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            var command = received.ToString().TrimEnd('\n');
            Commands.Enqueue(command);
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }

            await connection.SendAsync(Encoding.ASCII.GetBytes(_reply(command)), SocketFlags.None, _stop.Token);
            while (LikeMasterCli && await connection.ReceiveAsync(buffer, SocketFlags.None, _stop.Token) > 0)
            {
                // The next command would come here; only the client's end of input ends the exchange.
            }
        }
    }
}
