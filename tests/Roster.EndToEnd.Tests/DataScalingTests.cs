using Roster.Testing;
using Roster.Testing.Processes;
using Roster.Testing.Registry;
using Roster.Testing.Services;

namespace Roster.EndToEnd.Tests;

/// <summary>
/// www follows data as it scales, and every service comes back after the agent restarts without a data dir: real
/// `roster agent`, `roster service data` and `roster service www` processes. How fast each change lands is measured by
/// `bench/run convergence`; here each change must land, with no failed reply on the way.
/// </summary>
public sealed class DataScalingTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = Timeouts.Ready };
    private readonly List<RosterService> _services = [];
    private RosterAgentProcess _agent = null!;

    public async Task InitializeAsync() => _agent = await RosterAgentProcess.StartAsync("-http-addr", $"127.0.0.1:{Roster.Testing.Network.FreePort.Next()}");

    public async Task DisposeAsync()
    {
        _http.Dispose();
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        await _agent.DisposeAsync();
    }

    [Fact]
    public async Task Www_DataScaledTwoToThreeToOne_RepliesFollowEachChangeWithoutAFailure()
    {
        var (data1, data2) = (await StartAsync("data"), await StartAsync("data"));
        var www = await StartAsync("www");
        await UntilRepliesCoverAsync(www, [data1.Pid, data2.Pid]);

        var data3 = await StartAsync("data");
        await UntilRepliesCoverAsync(www, [data1.Pid, data2.Pid, data3.Pid]);

        data1.Process.Signal(UnixSignal.Terminate);
        data2.Process.Signal(UnixSignal.Terminate);
        await Task.WhenAll(data1.Process.WaitForExitAsync(), data2.Process.WaitForExitAsync());
        var after = await RepliesAsync(www, 100);

        Assert.All(after, reply => Assert.Equal(data3.Pid, reply.DataPid));
    }

    [Fact]
    public async Task Agent_RestartedWithoutDataDir_EveryRunningServiceIsBackAndWwwServes()
    {
        var data = new[] { await StartAsync("data"), await StartAsync("data") };
        var www = await StartAsync("www");
        await RegistryWait.PassingAsync(_agent.Url, "data", 2);
        await RegistryWait.PassingAsync(_agent.Url, "www", 1);

        _agent.Process.Signal(UnixSignal.Kill);
        await _agent.Process.WaitForExitAsync();
        await _agent.DisposeAsync();
        _agent = await RosterAgentProcess.StartAsync("-http-addr", _agent.Address);

        var dataBack = await RegistryWait.UntilAsync(_agent.Url, "v1/catalog/service/data", answer => answer.GetArrayLength() == 2);
        var wwwBack = await RegistryWait.UntilAsync(_agent.Url, "v1/catalog/service/www", answer => answer.GetArrayLength() == 1);
        Assert.Equal(data.Select(d => d.Port).ToHashSet(), RegistryWait.Ports(dataBack));
        Assert.Equal(www.Port, Assert.Single(RegistryWait.Ports(wwwBack)));
        await RegistryWait.PassingAsync(_agent.Url, "data", 2);
        await UntilRepliesCoverAsync(www, [.. data.Select(d => d.Pid)]);
    }

    private async Task<RosterService> StartAsync(string name)
    {
        var service = await RosterService.StartAsync(name, "--consul", _agent.Address);
        _services.Add(service);
        return service;
    }

    // Asks www until every expected data PID has answered; a reply from any other PID, or a failed reply, fails the test.
    private async Task UntilRepliesCoverAsync(RosterService www, HashSet<int> dataPids)
    {
        var seen = new HashSet<int>();
        using var deadline = new CancellationTokenSource(Timeouts.Ready);
        while (!seen.SetEquals(dataPids))
        {
            deadline.Token.ThrowIfCancellationRequested();
            var reply = await WwwReply.GetAsync(_http, www.Url);
            Assert.Equal(www.Pid, reply.WebPid);
            Assert.Contains(reply.DataPid, dataPids);
            seen.Add(reply.DataPid);
        }
    }

    private async Task<IReadOnlyList<WwwReply>> RepliesAsync(RosterService www, int count)
    {
        var replies = new List<WwwReply>(count);
        for (var i = 0; i < count; i++)
        {
            replies.Add(await WwwReply.GetAsync(_http, www.Url));
        }

        return replies;
    }
}
