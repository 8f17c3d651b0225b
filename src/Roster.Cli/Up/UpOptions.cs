using System.Net;
using Roster.Client;

namespace Roster.Cli.Up;

/// <summary>What <c>roster up</c> runs and where.</summary>
internal sealed record UpOptions
{
    public int Www { get; init; } = 2;

    public int Data { get; init; } = 2;

    /// <summary>A registry to use instead of the embedded agent; null runs the agent.</summary>
    public ConsulClientOptions? Consul { get; init; }

    public required IPEndPoint Bind { get; init; }

    /// <summary>The embedded agent's HTTP interface (also the dashboard's).</summary>
    public required IPEndPoint HttpAddress { get; init; }

    public required IPEndPoint DnsAddress { get; init; }

    /// <summary>Logs and HAProxy's files.</summary>
    public required string RunDirectory { get; init; }
}
