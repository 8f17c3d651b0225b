using Microsoft.Extensions.Logging;
using Roster.Client;
using Roster.Client.Watch;
using Roster.HAProxy.Config;
using Roster.HAProxy.Live;
using Roster.HAProxy.Master;
using Roster.HAProxy.State;

namespace Roster.HAProxy.Controller;

/// <summary>`roster lb`: the real HAProxy, kept following one registry service until cancelled.</summary>
public static class LoadBalancer
{
    /// <summary>Runs until <paramref name="cancellationToken"/> fires, then stops HAProxy; <paramref name="started"/> is called once it serves.</summary>
    public static async Task RunAsync(LbOptions options, ConsulClient consul, ILoggerFactory loggers, Action<int> started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        var time = TimeProvider.System;
        var runDirectory = Path.GetFullPath(options.RunDirectory);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("roster lb runs HAProxy, which needs Linux here");
        }

        // The sockets in here carry admin rights over HAProxy: only this user may reach them.
        Directory.CreateDirectory(runDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var config = LbConfig.For(runDirectory, options.Bind, options.Service) with
        {
            Dns = options.Mode == LbMode.Dns ? new DnsBackend(options.Dns, options.Service) : null,
        };
        var logger = loggers.CreateLogger("Roster.HAProxy");
        var configFile = new ConfigFile(Path.Combine(runDirectory, "haproxy.cfg"), HAProxyConfigCheck.RunAsync, logger);
        var runtime = new RuntimeApi(config.AdminSocketPath, time);
        using var feed = new InstanceFeed(options.Service, consul, new ConsulWatch(time, loggers.CreateLogger<ConsulWatch>()), time);
        // A user's template need not have roster's admin socket: then only the worker processes say HAProxy is up.
        await using var haproxy = new HAProxyMaster(
            runDirectory, options.Template is null ? config.AdminSocketPath : null, time, loggers.CreateLogger<HAProxyMaster>());
        if (options.Template is { } template)
        {
            // The user's template owns the config; membership changes go through reloads, each one validated first.
            var templated = new TemplateLbController(Path.GetFullPath(template), runDirectory, configFile, new Announcing(haproxy, started), logger);
            var runner = templated.Create(consul, loggers);
            using var hangUp = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                System.Runtime.InteropServices.PosixSignal.SIGHUP, context =>
                {
                    context.Cancel = true;
                    runner.Reload();
                });
            try
            {
                await runner.RunAsync(cancellationToken);
            }
            finally
            {
                await templated.StopAsync();
            }

            return;
        }

        var controller = new LbController(
            config, options.Mode, feed, new ServerReconciler(config, runtime, configFile, logger), configFile, new Announcing(haproxy, started), time, logger);
        var publisher = new LbStatePublisher(
            new LbState
            {
                Service = options.Service,
                Backend = config.BackendName,
                Bind = options.Bind.ToString(),
                Mode = options.Mode.ToString().ToLowerInvariant(),
                AdminSocket = config.AdminSocketPath,
            },
            () => haproxy.Pid, () => feed.Latest, consul, time, logger);
        using var stopPublishing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var publishing = publisher.RunAsync(stopPublishing.Token);
        try
        {
            await controller.RunAsync(cancellationToken);
        }
        finally
        {
            await stopPublishing.CancelAsync();
            await publishing;
        }
    }

    // Tells the caller HAProxy's pid once it serves, so the CLI can print its one "listening" line.
    private sealed class Announcing(HAProxyMaster inner, Action<int> started) : IHAProxyProcess
    {
        public async Task StartAsync(string configPath, CancellationToken cancellationToken)
        {
            await inner.StartAsync(configPath, cancellationToken);
            started(inner.Pid ?? 0);
        }

        public Task<bool> ReloadAsync(CancellationToken cancellationToken) => inner.ReloadAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => inner.StopAsync(cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
