using System.Net;
using System.Net.Sockets;
using Roster.Testing;
using Roster.Testing.Load;
using Roster.Testing.Processes;
using Roster.Testing.Reliability;

namespace Roster.EndToEnd.Tests.Faults;

/// <summary>
/// HAProxy's worker (the master's child, the process that serves) SIGKILLed under a request loop: the master or
/// `roster lb` brings service back. Requests while nothing listens do fail; the test counts them for the report and
/// asserts that service comes back. LoadBalancerRecoveryTests kills the master; this kills the worker.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Fault)]
public sealed class HAProxyWorkerKillTests : IAsyncLifetime
{
    private const int Clients = 4;

    // After a failed request a client waits this long before the next, as a real client would: the count then says
    // how long the outage was, rather than how fast a refused connect returns.
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromMilliseconds(10);

    private FaultStack _stack = null!;
    private RosterService _www = null!;

    public async Task InitializeAsync() => _stack = await FaultStack.StartAsync(async stack =>
    {
        await stack.StartServiceAsync("data");
        _www = await stack.StartServiceAsync("www");
        await stack.StartLbAsync();
        await stack.UntilServedByAsync([_www.Pid]);
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
    public async Task Worker_Sigkilled_ServiceIsRestoredAndFailedRequestsAreCounted()
    {
        var worker = Assert.Single(_stack.Workers());
        using var stop = new CancellationTokenSource();
        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(() => ClientAsync(firstAnswered, stop.Token))).ToList();
        await firstAnswered.Task.WaitAsync(Timeouts.Ready);

        var outage = System.Diagnostics.Stopwatch.StartNew();
        NativeKill(worker);
        Assert.True(await ProcessLiveness.WaitUntilGoneAsync([worker], Timeouts.Exit), $"pid {worker} did not go");
        await UntilAnsweringAsync();
        outage.Stop();
        // A little more load on the restored HAProxy, then stop the loop.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => GetOnceAsync()));
        await stop.CancelAsync();
        var tallies = await Task.WhenAll(clients).WaitAsync(Timeouts.Ready);
        var requests = tallies.Sum(t => t.Requests);
        var failed = tallies.Sum(t => t.Failed);

        ReliabilityLog.Record<HAProxyWorkerKillTests>(ReliabilityKind.Fault,
            $"SIGKILL of HAProxy's worker (not the master) under {Clients} non-retrying clients that pause {PauseAfterFailure.TotalMilliseconds:0} ms after a failure",
            requests, "requests", failed,
            $"served again {outage.Elapsed.TotalSeconds:0.00} s after the kill (measured, not asserted); HAProxy 2.6's master exits when its worker dies " +
            "(exit-on-failure) and `roster lb` starts it again: the failures are the requests of that gap",
            allowed: requests);
        Assert.True(requests > failed, "no request succeeded at all");
    }

    private async Task<(int Requests, int Failed)> ClientAsync(TaskCompletionSource firstAnswered, CancellationToken stop)
    {
        var (requests, failed) = (0, 0);
        // Bounded: a recovery that never comes ends the loop too (and the wait for it fails the test).
        while (!stop.IsCancellationRequested && requests < 100_000)
        {
            requests++;
            if (await GetOnceAsync())
            {
                firstAnswered.TrySetResult();
            }
            else
            {
                failed++;
                await Task.Delay(PauseAfterFailure, CancellationToken.None);
            }
        }

        return (requests, failed);
    }

    // One request on a fresh connection, so that each request meets whatever HAProxy is (or is not) listening now.
    private async Task<bool> GetOnceAsync()
    {
        using var timeout = new CancellationTokenSource(Timeouts.Ready);
        try
        {
            await using var connection = await StrictHttpConnection.OpenAsync(new IPEndPoint(IPAddress.Loopback, _stack.Frontend), timeout.Token);
            return (await connection.GetAsync("/", timeout.Token)).Status == 200;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private async Task UntilAnsweringAsync()
    {
        using var deadline = new CancellationTokenSource(Timeouts.Ready);
        while (!await GetOnceAsync())
        {
            // No signal says "HAProxy serves again" whoever restores it (master or lb): ask, briefly spaced.
            await Task.Delay(PauseAfterFailure, deadline.Token);
        }
    }

    private static void NativeKill(int pid)
    {
        // The worker is not our child; never signal 0 or 1 (a process group, or init).
        Assert.True(pid > 1);
        System.Diagnostics.Process.GetProcessById(pid).Kill();
    }
}
