namespace Roster.HAProxy.Controller;

/// <summary>The HAProxy the controller runs: the real master-worker process, or a fake in tests.</summary>
internal interface IHAProxyProcess : IAsyncDisposable
{
    /// <summary>Starts HAProxy on <paramref name="configPath"/> and returns once it serves.</summary>
    Task StartAsync(string configPath, CancellationToken cancellationToken);

    /// <summary>Reloads the config at the path it was started with; false (with HAProxy's reason logged) when the new config was refused.</summary>
    Task<bool> ReloadAsync(CancellationToken cancellationToken);

    /// <summary>Stops HAProxy: soft stop, then harder.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
