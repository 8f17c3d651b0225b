using System.Net;
using System.Net.Sockets;

namespace Roster.Testing.Network;

/// <summary>Loopback ports nobody is listening on, for config files that must name a port before anything binds it.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the kernel for a free port and releases it. Another process could take it in between, so prefer
    /// letting the child bind port 0 and report the port; use this only where a port must be written down first.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
