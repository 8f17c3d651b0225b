using System.Net;

namespace Roster.Services.Hosting;

/// <summary>Where a service listens and how long it may take to stop.</summary>
public sealed record ServiceHostOptions(IPAddress Bind, int Port)
{
    /// <summary>How long in-flight requests may run on after SIGINT/SIGTERM before the host stops anyway.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
