using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Roster.Testing.Network;

/// <summary>Loopback ports nobody is listening on, for config files that must name a port before anything binds it.</summary>
/// <remarks>
/// The port comes from below the kernel's ephemeral range, never from port 0: a port the kernel handed out and we
/// released goes straight back into the pool that every "bind port 0" and every outgoing connection draws from, and
/// under a parallel test run another process took it before our child could bind it ("port in use"). Below the range
/// only other callers of this class compete, and within one test process no port is handed out twice.
/// </remarks>
public static class FreePort
{
    private const int Lowest = 20_000;

    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];
    private static readonly int Highest = EphemeralLow() - 1;

    /// <summary>
    /// A free port outside the ephemeral range, not handed out before by this process. Prefer letting a child bind port 0
    /// and report the port; use this only where a port must be written down first.
    /// </summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, Highest + 1);
            lock (Gate)
            {
                if (!HandedOut.Add(port))
                {
                    continue;
                }
            }

            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free loopback port between {Lowest} and {Highest}");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralLow()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], CultureInfo.InvariantCulture) is var low && low > Lowest + 1_000 ? low : 32_768;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}
