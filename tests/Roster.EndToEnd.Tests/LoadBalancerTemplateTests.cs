using Roster.Testing;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Repository;
using Roster.Testing.Services;

namespace Roster.EndToEnd.Tests;

/// <summary>`roster lb --template`: the seed's own template renders HAProxy's config, each render checked before a reload; a broken template changes nothing.</summary>
public sealed class LoadBalancerTemplateTests : IAsyncLifetime
{
    private readonly RunDirectory _run = new();
    private readonly HttpClient _http = new() { Timeout = Timeouts.Ready };
    private readonly List<IAsyncDisposable> _processes = [];
    private readonly int _frontend = FreePort.Next();
    private RosterAgentProcess _agent = null!;

    public async Task InitializeAsync()
    {
        File.Copy(RepositoryRoot.Combine("examples", "seed", "advanced.cfg.template"), _run.File("advanced.cfg.template"));
        _agent = await RosterAgentProcess.StartAsync();
        _processes.Add(await RosterService.StartAsync("data", "--consul", _agent.Address));
    }

    public async Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        await _agent.DisposeAsync();
        _http.Dispose();
        _run.Dispose();
    }

    [Fact]
    public async Task Template_WwwJoinsThenTemplateBroken_ReloadsOntoBothAndKeepsServingThroughTheBreak()
    {
        var www1 = await StartWwwAsync();
        var lb = ChildProcess.Start(
            RosterBinary.Path,
            ["lb", "--consul", _agent.Address, "--template", _run.File("advanced.cfg.template"), "--run-dir", _run.File("lb")],
            environment: new Dictionary<string, string> { ["ROSTER_HAPROXY_BIND"] = $"127.0.0.1:{_frontend}" });
        _processes.Add(lb);
        await lb.WaitForLineAsync(line => line.Contains("lb listening on", StringComparison.Ordinal));
        var url = new Uri($"http://127.0.0.1:{_frontend}/");
        var first = await WwwReply.GetAsync(_http, url);

        var www2 = await StartWwwAsync();
        await lb.WaitForLineAsync(line => line.Contains("Reloaded HAProxy onto the new render: True", StringComparison.Ordinal));
        await File.WriteAllTextAsync(_run.File("advanced.cfg.template"), "global\n    {{ range service \"www\" }}\n");
        lb.Signal(UnixSignal.HangUp);
        var refused = await lb.WaitForLineAsync(line => line.Contains("Reload failed", StringComparison.Ordinal));
        var pids = new HashSet<int>();
        for (var i = 0; i < 8; i++)
        {
            pids.Add((await WwwReply.GetAsync(_http, url)).WebPid);
        }

        Assert.Equal(www1.Pid, first.WebPid);
        Assert.Contains("advanced.cfg.template:", refused, StringComparison.Ordinal);
        Assert.Equal(new HashSet<int> { www1.Pid, www2.Pid }, pids);
    }

    private async Task<RosterService> StartWwwAsync()
    {
        var www = await RosterService.StartAsync("www", "--consul", _agent.Address);
        _processes.Add(www);
        return www;
    }
}
