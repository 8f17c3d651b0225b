using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Roster.HAProxy.Config;
using Roster.HAProxy.Controller;
using Roster.HAProxy.Tests.Servers;
using Roster.Testing;

namespace Roster.HAProxy.Tests.Controller;

/// <summary>One reconcile against a backend in memory and a real <c>haproxy -c</c>: what changes live, what the config file holds.</summary>
public sealed class ServerReconcilerTests : IDisposable
{
    private readonly RunDirectory _run = new();
    private readonly FakeServerRuntime _runtime = new();
    private readonly LbConfig _config;
    private readonly ConfigFile _file;
    private readonly ServerReconciler _reconciler;
    private Func<string, ConfigCheckResult>? _verdict;

    public ServerReconcilerTests()
    {
        _config = LbConfig.For(_run.Path, new IPEndPoint(IPAddress.Loopback, 18000));
        _file = new ConfigFile(_run.File("live.cfg"), CheckAsync, NullLogger.Instance);
        _reconciler = new ServerReconciler(_config, _runtime, _file, NullLogger.Instance);
    }

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Reconcile_NewInstances_AddsEachWithTheSharedOptionsAndWritesThemToTheConfig()
    {
        var changes = await _reconciler.ReconcileAsync([Instances.Www("www-1", port: 20001), Instances.Www("www-2", port: 20002)], default);

        Assert.Equal(2, changes.Add.Count);
        Assert.Equal(
            [$"add www/www-1 127.0.0.1:20001 {ServerOptions.For(_config)}", $"add www/www-2 127.0.0.1:20002 {ServerOptions.For(_config)}"],
            _runtime.Operations);
        var written = await File.ReadAllTextAsync(_file.Path);
        Assert.Contains($"server www-1 127.0.0.1:20001 {ServerOptions.For(_config)}", written, StringComparison.Ordinal);
        Assert.Contains($"server www-2 127.0.0.1:20002 {ServerOptions.For(_config)}", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_InstanceGone_RemovesItAndDropsItFromTheConfig()
    {
        await _reconciler.ReconcileAsync([Instances.Www("www-1", port: 20001), Instances.Www("www-2", port: 20002)], default);
        _runtime.Operations.Clear();

        await _reconciler.ReconcileAsync([Instances.Www("www-2", port: 20002)], default);

        Assert.Equal(["remove www/www-1"], _runtime.Operations);
        Assert.DoesNotContain("www-1", await File.ReadAllTextAsync(_file.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_SameInstancesAgain_ChangesNothing()
    {
        await _reconciler.ReconcileAsync([Instances.Www("www-1")], default);
        _runtime.Operations.Clear();

        var changes = await _reconciler.ReconcileAsync([Instances.Www("www-1")], default);

        Assert.True(changes.IsEmpty);
        Assert.Empty(_runtime.Operations);
    }

    [Fact]
    public async Task Reconcile_ServerPutInMaintenanceButStillRegistered_IsEnabledNotRecreated()
    {
        await _reconciler.ReconcileAsync([Instances.Www("www-1")], default);
        _runtime.PutInMaintenance("www-1");
        _runtime.Operations.Clear();

        await _reconciler.ReconcileAsync([Instances.Www("www-1")], default);

        Assert.Equal(["enable www/www-1"], _runtime.Operations);
    }

    [Fact]
    public async Task Reconcile_InstanceBuiltToInjectConfig_IsNeitherAddedNorRendered()
    {
        var hostile = Instances.Www("www-evil", tags: ["x\n    server evil 6.6.6.6:80"]);

        await _reconciler.ReconcileAsync([Instances.Www("www-1"), hostile], default);

        Assert.Equal(["www-1"], _runtime.Servers.Select(s => s.Name));
        var written = await File.ReadAllTextAsync(_file.Path);
        Assert.DoesNotContain("evil", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_ConfigRefusedByHAProxy_KeepsTheLastGoodFile()
    {
        await _reconciler.ReconcileAsync([Instances.Www("www-1")], default);
        var good = await File.ReadAllTextAsync(_file.Path);
        _verdict = _ => new ConfigCheckResult(false, "[ALERT] something HAProxy did not like");

        await _reconciler.ReconcileAsync([Instances.Www("www-1"), Instances.Www("www-2", port: 20002)], default);

        Assert.Equal(good, await File.ReadAllTextAsync(_file.Path));
        Assert.False(File.Exists(_file.Path + ".candidate"));
    }

    // The real haproxy -c unless a test decides the verdict.
    private async Task<ConfigCheckResult> CheckAsync(string path, CancellationToken cancellationToken)
    {
        if (_verdict is { } verdict)
        {
            return verdict(path);
        }

        var (exit, output, _) = await Config.HAProxyCheck.RunAsync(_run, await File.ReadAllTextAsync(path, cancellationToken));
        return new ConfigCheckResult(exit == 0, string.Join('\n', output));
    }
}
