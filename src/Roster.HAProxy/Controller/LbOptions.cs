using System.Net;

namespace Roster.HAProxy.Controller;

/// <summary>What <c>roster lb</c> was asked to do.</summary>
public sealed record LbOptions
{
    /// <summary>Where HAProxy's frontend listens.</summary>
    public IPEndPoint Bind { get; init; } = new(IPAddress.Loopback, 8000);

    /// <summary>The registry service whose passing instances are the backend's servers.</summary>
    public string Service { get; init; } = "www";

    public LbMode Mode { get; init; } = LbMode.Runtime;

    /// <summary>The agent's DNS interface, for <see cref="LbMode.Dns"/>.</summary>
    public IPEndPoint Dns { get; init; } = new(IPAddress.Loopback, 8600);

    /// <summary>A consul-template template to render HAProxy's config from instead of roster's own (reload mode only).</summary>
    public string? Template { get; init; }

    /// <summary>Where haproxy.cfg, the sockets (mode 0600) and the server-state file live; created 0700.</summary>
    public required string RunDirectory { get; init; }
}
