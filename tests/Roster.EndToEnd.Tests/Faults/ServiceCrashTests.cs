using System.Diagnostics;
using Roster.Testing.Processes;
using Roster.Testing.Registry;
using Roster.Testing.Reliability;

namespace Roster.EndToEnd.Tests.Faults;

/// <summary>
/// Parts behind HAProxy crash while a non-retrying load runs through `roster lb`: a www, a data, the agent itself
/// (without a data dir, so it comes back empty). Not one request may fail. The walkthrough stops a www with SIGINT;
/// these kill with SIGKILL, which gives no chance to deregister or drain.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Fault)]
public sealed class ServiceCrashTests : IAsyncLifetime
{
    private FaultStack _stack = null!;
    private RosterService[] _data = [];
    private RosterService[] _www = [];

    public async Task InitializeAsync() => _stack = await FaultStack.StartAsync(async stack =>
    {
        _data = [await stack.StartServiceAsync("data"), await stack.StartServiceAsync("data")];
        _www = [await stack.StartServiceAsync("www"), await stack.StartServiceAsync("www")];
        await RegistryWait.PassingAsync(stack.Agent.Url, "data", 2);
        await stack.StartLbAsync();
        await stack.UntilServedByAsync([.. _www.Select(w => w.Pid)]);
    });

    public async Task DisposeAsync()
    {
        // Null when InitializeAsync failed: StartAsync has stopped what it started.
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }

    [Fact]
    public async Task Www_SigkilledUnderLoad_ZeroFailedRequests()
    {
        var load = await LoadDuring.RunAsync(_stack.Url, async () =>
        {
            await KillAsync(_www[0]);
            await RegistryWait.PassingAsync(_stack.Agent.Url, "www", 1);
        });

        ReliabilityLog.Record<ServiceCrashTests>(ReliabilityKind.Fault, "SIGKILL of one of two `www` behind `roster lb`, non-retrying load through HAProxy",
            load.Requests, "requests", load.Failures.Count, load.Summary());
        Assert.True(load.Failures.Count == 0, load.Summary());
        await _stack.UntilServedByAsync([_www[1].Pid]);
    }

    [Fact]
    public async Task Data_SigkilledUnderLoad_ZeroFailedRequests()
    {
        var load = await LoadDuring.RunAsync(_stack.Url, async () =>
        {
            await KillAsync(_data[0]);
            await RegistryWait.PassingAsync(_stack.Agent.Url, "data", 1);
        });

        ReliabilityLog.Record<ServiceCrashTests>(ReliabilityKind.Fault, "SIGKILL of one of two `data` behind the `www`s, non-retrying load through HAProxy",
            load.Requests, "requests", load.Failures.Count, load.Summary());
        Assert.True(load.Failures.Count == 0, load.Summary());
    }

    [Fact]
    public async Task Agent_RestartedWithoutDataDirUnderLoad_ServicesReRegisterAndZeroRequestsFail()
    {
        var reRegistered = TimeSpan.Zero;
        var load = await LoadDuring.RunAsync(_stack.Url, async () =>
        {
            await _stack.RestartAgentAsync();
            var back = Stopwatch.StartNew();
            await RegistryWait.PassingAsync(_stack.Agent.Url, "data", 2);
            await RegistryWait.PassingAsync(_stack.Agent.Url, "www", 2);
            reRegistered = back.Elapsed;
        });

        ReliabilityLog.Record<ServiceCrashTests>(ReliabilityKind.Fault, "SIGKILL of the agent (no data dir) and a restart on the same address, non-retrying load through HAProxy",
            load.Requests, "requests", load.Failures.Count, load.Summary());
        ReliabilityLog.Record<ServiceCrashTests>(ReliabilityKind.Fault, "the same restart: the agent comes back empty and every running service must register again",
            _data.Length + _www.Length, "running services", 0, $"all passing again {reRegistered.TotalSeconds:0.00} s after the new agent listened (goal: 2 s; measured, not asserted)");
        Assert.True(load.Failures.Count == 0, load.Summary());
        await _stack.UntilServedByAsync([.. _www.Select(w => w.Pid)]);
    }

    private static async Task KillAsync(RosterService service)
    {
        service.Process.Signal(UnixSignal.Kill);
        await service.Process.WaitForExitAsync();
    }
}
