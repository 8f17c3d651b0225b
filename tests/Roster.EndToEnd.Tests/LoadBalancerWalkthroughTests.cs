using System.Net;
using Roster.Testing;
using Roster.Testing.Load;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Repository;
using Roster.Testing.Services;
using Roster.Testing.Reliability;

namespace Roster.EndToEnd.Tests;

/// <summary>
/// The seed's dynamic walkthrough through `roster lb` and real HAProxy, under a bounded request loop that never retries:
/// one www, a second joins, the first is stopped with SIGINT — and not one request fails on the way.
/// </summary>
public sealed class LoadBalancerWalkthroughTests : IAsyncLifetime
{
    private readonly RunDirectory _run = new();
    private readonly List<IAsyncDisposable> _processes = [];
    private readonly int _frontend = FreePort.Next();
    private RosterAgentProcess _agent = null!;
    private ChildProcess _lb = null!;

    public async Task InitializeAsync()
    {
        _agent = await RosterAgentProcess.StartAsync();
        await Start("data");
        await Start("data");
    }

    public async Task DisposeAsync()
    {
        await _lb.DisposeAsync();
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        await _agent.DisposeAsync();
        _run.Dispose();
    }

    [Fact]
    [Trait(ReliabilityKind.Trait, ReliabilityKind.Fault)]
    public async Task Walkthrough_OneWwwThenTwoThenSigint_ZeroFailedRequests()
    {
        var www1 = await Start("www");
        _lb = ChildProcess.Start(
            RosterBinary.Path, ["lb", "--consul", _agent.Address, "--bind", $"127.0.0.1:{_frontend}", "--run-dir", _run.Path]);
        await _lb.WaitForLineAsync(line => line.Contains("lb listening on", StringComparison.Ordinal));
        var url = new Uri($"http://127.0.0.1:{_frontend}/");

        // Round robin, seen by one client alone: one www, then two alternating strictly.
        var alone = await SequentialWebPidsAsync(6);
        var www2 = await Start("www");
        await UntilAnsweringAsync(www2.Pid);
        var alternating = await SequentialWebPidsAsync(8);

        // Under load that never retries: a third joins, the first is stopped with SIGINT. Nothing may fail.
        var load = LoadRun.Start(url, clients: 4, requests: 3000);
        await load.WhenCompletedAsync(500).WaitAsync(Timeouts.Ready);
        var www3 = await Start("www");
        await UntilAnsweringAsync(www3.Pid);
        www1.Process.Signal(UnixSignal.Interrupt);
        await www1.Process.WaitForExitAsync();
        var result = await load.Completion.WaitAsync(Timeouts.Ready);
        var after = await SequentialWebPidsAsync(6);

        ReliabilityLog.Record<LoadBalancerWalkthroughTests>(ReliabilityKind.Fault, "`roster lb` (runtime API): a third `www` joins, then the first is stopped with SIGINT, under 4 non-retrying clients through HAProxy",
            result.Responses.Count + result.Failures.Count, "requests", result.Failures.Count, string.Join("; ", result.Failures.Take(3)));
        Assert.Empty(result.Failures);
        Assert.All(alone, pid => Assert.Equal(www1.Pid, pid));
        Assert.Equal(new HashSet<int> { www1.Pid, www2.Pid }, alternating.ToHashSet());
        for (var i = 1; i < alternating.Count; i++)
        {
            Assert.NotEqual(alternating[i - 1], alternating[i]);
        }

        Assert.Equal(new HashSet<int> { www2.Pid, www3.Pid }, after.ToHashSet());
    }

    [Fact]
    public async Task ReloadMode_SecondWwwJoins_HAProxyIsReloadedOntoBoth()
    {
        var www1 = await Start("www");
        _lb = ChildProcess.Start(
            RosterBinary.Path, ["lb", "--consul", _agent.Address, "--bind", $"127.0.0.1:{_frontend}", "--run-dir", _run.Path, "--mode", "reload"]);
        await _lb.WaitForLineAsync(line => line.Contains("lb listening on", StringComparison.Ordinal));
        var alone = await SequentialWebPidsAsync(4);

        var www2 = await Start("www");
        await _lb.WaitForLineAsync(line => line.Contains("Reloaded HAProxy for 2 server(s): True", StringComparison.Ordinal));
        await UntilAnsweringAsync(www2.Pid);

        Assert.All(alone, pid => Assert.Equal(www1.Pid, pid));
        Assert.Equal(new HashSet<int> { www1.Pid, www2.Pid }, (await SequentialWebPidsAsync(6)).ToHashSet());
    }

    [Fact]
    [Trait(ReliabilityKind.Trait, ReliabilityKind.Fault)]
    public async Task DnsMode_WwwJoinsAndLeavesUnderLoad_HAProxyFollowsTheAgentsSrvRecordsWithZeroFailedRequests()
    {
        var www1 = await Start("www");
        _lb = ChildProcess.Start(
            RosterBinary.Path,
            ["lb", "--consul", _agent.Address, "--bind", $"127.0.0.1:{_frontend}", "--run-dir", _run.Path, "--mode", "dns", "--dns", _agent.DnsEndpoint!.ToString()]);
        await _lb.WaitForLineAsync(line => line.Contains("lb listening on", StringComparison.Ordinal));
        // HAProxy starts with empty slots and fills them from its first SRV answer: 503 until then.
        await UntilResolvedAsync(www1.Pid);

        var load = LoadRun.Start(new Uri($"http://127.0.0.1:{_frontend}/"), clients: 4, requests: 3000);
        await load.WhenCompletedAsync(300).WaitAsync(Timeouts.Ready);
        var www2 = await Start("www");
        await UntilAnsweringAsync(www2.Pid);
        www1.Process.Signal(UnixSignal.Interrupt);
        await www1.Process.WaitForExitAsync();
        var result = await load.Completion.WaitAsync(Timeouts.Ready);

        ReliabilityLog.Record<LoadBalancerWalkthroughTests>(ReliabilityKind.Fault, "`roster lb --mode dns` (HAProxy follows the agent's SRV records): a second `www` joins, the first is stopped with SIGINT, under 4 non-retrying clients",
            result.Responses.Count + result.Failures.Count, "requests", result.Failures.Count, string.Join("; ", result.Failures.Take(3)));
        Assert.Empty(result.Failures);
        Assert.All(await SequentialWebPidsAsync(6), pid => Assert.Equal(www2.Pid, pid));
    }

    private async Task UntilResolvedAsync(int pid)
    {
        using var http = new HttpClient();
        using var deadline = new CancellationTokenSource(Timeouts.Ready);
        var url = new Uri($"http://127.0.0.1:{_frontend}/");
        while (true)
        {
            deadline.Token.ThrowIfCancellationRequested();
            try
            {
                if ((await WwwReply.GetAsync(http, url)).WebPid == pid)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // 503 while the resolver has not answered yet.
            }
        }
    }

    private async Task<RosterService> Start(string name)
    {
        var service = await RosterService.StartAsync(name, "--consul", _agent.Address);
        _processes.Add(service);
        return service;
    }

    // One keep-alive connection, one request at a time: with round robin over two servers the PIDs must alternate.
    private async Task<List<int>> SequentialWebPidsAsync(int count)
    {
        await using var connection = await StrictHttpConnection.OpenAsync(new IPEndPoint(IPAddress.Loopback, _frontend));
        var pids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var response = await connection.GetAsync("/");
            Assert.Equal(200, response.Status);
            pids.Add(WwwReply.Parse(response.Body).WebPid);
        }

        return pids;
    }

    private async Task UntilAnsweringAsync(int pid)
    {
        using var deadline = new CancellationTokenSource(Timeouts.Ready);
        while (!(await SequentialWebPidsAsync(4)).Contains(pid))
        {
            deadline.Token.ThrowIfCancellationRequested();
        }
    }
}
