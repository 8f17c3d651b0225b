using System.Net;
using Roster.Client;

namespace Roster.Services.Hosting;

/// <summary>Where a service listens and how long it may take to stop.</summary>
public sealed record ServiceHostOptions(IPAddress Bind, int Port)
{
    /// <summary>How long in-flight requests may run on after SIGINT/SIGTERM before the host stops anyway.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The registry a service registers in and discovers through; null: CONSUL_HTTP_ADDR, else 127.0.0.1:8500.</summary>
    public ConsulClientOptions? Consul { get; init; }

    /// <summary>The address the service registers for others to reach it at.</summary>
    public string Advertise { get; init; } = "127.0.0.1";
}
