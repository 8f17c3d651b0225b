using System.Net.Http.Json;
using System.Text.Json;
using Roster.Testing;
using Roster.Testing.Load;
using Roster.Testing.Processes;
using Roster.Testing.Registry;
using Roster.Testing.Reliability;

namespace Roster.EndToEnd.Tests;

/// <summary>
/// The seed's dynamic part without HAProxy: data and www register themselves in `roster agent`, www picks a data
/// instance at random per request, and a data instance killed with kill -9 fails no www reply.
/// </summary>
public sealed class DynamicServicesTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = Timeouts.Ready };
    private RosterAgentProcess _agent = null!;
    private RosterService _data1 = null!;
    private RosterService _data2 = null!;
    private RosterService _www = null!;

    public async Task InitializeAsync()
    {
        _agent = await RosterAgentProcess.StartAsync();
        var data = await Task.WhenAll(
            RosterService.StartAsync("data", "--consul", _agent.Address),
            RosterService.StartAsync("data", "--consul", _agent.Address));
        (_data1, _data2) = (data[0], data[1]);
        _www = await RosterService.StartAsync("www", "--consul", _agent.Address);
        await RegistryWait.PassingAsync(_agent.Url, "data", 2);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _www.DisposeAsync();
        await _data1.DisposeAsync();
        await _data2.DisposeAsync();
        await _agent.DisposeAsync();
    }

    [Fact]
    public async Task Www_TwoDataInstances_EachServesBetween35And65PercentOf400()
    {
        List<int> dataPids = [];
        for (var i = 0; i < 400; i++)
        {
            using var reply = JsonDocument.Parse(await _http.GetStringAsync(_www.Url));
            Assert.Equal(_www.Pid, reply.RootElement.GetProperty("web_pid").GetInt32());
            dataPids.Add(reply.RootElement.GetProperty("data").GetProperty("data_pid").GetInt32());
        }

        Assert.Equal(new HashSet<int> { _data1.Pid, _data2.Pid }, dataPids.ToHashSet());
        Assert.InRange(dataPids.Count(p => p == _data1.Pid), 140, 260);
    }

    [Fact]
    [Trait(ReliabilityKind.Trait, ReliabilityKind.Fault)]
    public async Task Www_DataKilledWithKillNineUnderLoad_NoReplyFails()
    {
        var load = LoadRun.Start(_www.Url, clients: 8, requests: 1500);

        await load.WhenCompletedAsync(300).WaitAsync(Timeouts.Ready);
        _data1.Process.Signal(UnixSignal.Kill);
        var result = await load.Completion.WaitAsync(Timeouts.Ready);

        ReliabilityLog.Record<DynamicServicesTests>(ReliabilityKind.Fault, "SIGKILL of one of two `data` that one `www` picks from the agent per request (no HAProxy), 8 non-retrying clients to the `www`",
            result.Responses.Count + result.Failures.Count, "requests", result.Failures.Count, string.Join("; ", result.Failures.Take(3)));
        Assert.Empty(result.Failures);
        await RegistryWait.PassingAsync(_agent.Url, "data", 1);
        using var reply = JsonDocument.Parse(await _http.GetStringAsync(_www.Url));
        Assert.Equal(_data2.Pid, reply.RootElement.GetProperty("data").GetProperty("data_pid").GetInt32());
    }

    [Fact]
    public async Task Data_Sigterm_DeregistersBeforeItExits()
    {
        _data1.Process.Signal(UnixSignal.Terminate);

        Assert.Equal(0, await _data1.Process.WaitForExitAsync());
        var services = await _http.GetFromJsonAsync<Dictionary<string, JsonElement>>(new Uri(_agent.Url, "v1/agent/services"));
        Assert.DoesNotContain(services!.Values, s => s.GetProperty("Port").GetInt32() == _data1.Port);
    }
}
