using System.Net;

namespace Roster.HAProxy.Servers;

/// <summary>The HAProxy server one registry instance should be: its own name, an IP and a port.</summary>
/// <remarks>
/// Every property is fixed by the constructor (no <c>init</c>), so no <c>with</c> can make an invalid one: a server
/// that exists has a name HAProxy accepts, a usable IP and a real port.
/// </remarks>
internal sealed record BackendServer
{
    public BackendServer(string instanceId, IPAddress address, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        if (!ServerAddress.IsUsable(address, out var reason))
        {
            throw new ArgumentException(reason, nameof(address));
        }

        InstanceId = instanceId;
        Name = HAProxyName.From(instanceId);
        Address = address;
        Port = port;
    }

    /// <summary>The registry's instance (service) ID this server stands for.</summary>
    public string InstanceId { get; }

    /// <summary>The HAProxy server name, derived from <see cref="InstanceId"/> by <see cref="HAProxyName.From"/>.</summary>
    public string Name { get; }

    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary><c>IP:PORT</c> as a server line and <c>add server</c> take it; IPv6 in brackets (<c>[::1]:8080</c>).</summary>
    public string Endpoint => new IPEndPoint(Address, Port).ToString();
}
