using System.Net;
using System.Net.Sockets;

namespace Roster.Testing.Network;

/// <summary>Waits for a loopback port to accept connections: the readiness signal of servers that print none.</summary>
public static class PortProbe
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    /// <param name="port">The port that should come up.</param>
    /// <param name="giveUp">Stops the wait early, e.g. when the server process has already exited.</param>
    /// <param name="timeout">Upper bound on the wait.</param>
    public static async Task WaitUntilListeningAsync(int port, Func<bool> giveUp, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? Timeouts.Ready);
        while (!giveUp())
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                // Refused: not listening yet. Polling is the only readiness signal a bare port gives.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await Task.Delay(RetryDelay, CancellationToken.None);
        }

        throw new TimeoutException($"nothing listened on 127.0.0.1:{port}");
    }

    /// <summary>Waits until nothing accepts connections on the port any more (a server that was stopped or killed).</summary>
    public static async Task WaitUntilClosedAsync(int port, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? Timeouts.Ready);
        while (!deadline.IsCancellationRequested)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
            }
            catch (SocketException)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await Task.Delay(RetryDelay, CancellationToken.None);
        }

        throw new TimeoutException($"127.0.0.1:{port} still accepts connections");
    }
}
