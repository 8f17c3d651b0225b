using System.Net;

namespace Roster.Services.Hosting;

/// <summary>The address a service was asked to listen on is taken by another socket.</summary>
public sealed class PortInUseException(IPEndPoint endpoint, Exception inner)
    : Exception($"port {endpoint.Port} is already in use on {endpoint.Address}", inner)
{
    /// <summary>The address that could not be bound.</summary>
    public IPEndPoint Endpoint { get; } = endpoint;
}
