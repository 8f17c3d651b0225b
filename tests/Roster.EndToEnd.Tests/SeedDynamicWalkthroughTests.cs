using Roster.Testing;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Roster.Testing.Repository;
using Roster.Testing.Services;

namespace Roster.EndToEnd.Tests;

/// <summary>
/// The seed's "Dynamic Usage" replayed as its README has it, with `roster template` in place of consul-template: the
/// shipped advanced.cfg.template and haproxy-restart.sh, run from their own directory, with relative paths.
/// </summary>
public sealed class SeedDynamicWalkthroughTests : IAsyncLifetime
{
    private readonly RunDirectory _run = new();
    private readonly HttpClient _http = new() { Timeout = Timeouts.Ready };
    private readonly List<IAsyncDisposable> _processes = [];
    private readonly int _frontend = FreePort.Next();
    private RosterAgentProcess _agent = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in new[] { "advanced.cfg.template", "haproxy-restart.sh" })
        {
            // File.Copy keeps the mode on Unix, so the script stays executable.
            File.Copy(RepositoryRoot.Combine("examples", "seed", file), _run.File(file));
        }

        _agent = await RosterAgentProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        // haproxy -D detaches from its parent: stop it through the pid file the restart script keeps.
        if (File.Exists(_run.File("haproxy.pid")) && int.TryParse(File.ReadAllText(_run.File("haproxy.pid")).Trim(), out var pid))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        await _agent.DisposeAsync();
        _http.Dispose();
        _run.Dispose();
    }

    [Fact]
    public async Task Walkthrough_WwwScaledUpAndDown_HAProxyFollowsTheRegistry()
    {
        await Start(RosterService.StartAsync("data", "--consul", _agent.Address));
        await Start(RosterService.StartAsync("data", "--consul", _agent.Address));
        var www1 = await Start(RosterService.StartAsync("www", "--consul", _agent.Address));
        var template = ChildProcess.Start(
            RosterBinary.Path,
            ["template", "-consul-addr", _agent.Address, "-template", "./advanced.cfg.template:./advanced.cfg:./haproxy-restart.sh"],
            workingDirectory: _run.Path,
            environment: new Dictionary<string, string>
            {
                ["ROSTER_HAPROXY_BIND"] = $"127.0.0.1:{_frontend}",
                ["ROSTER_HAPROXY_PIDFILE"] = _run.File("haproxy.pid"),
            });
        _processes.Add(template);
        await PortProbe.WaitUntilListeningAsync(_frontend, () => template.HasExited);

        var single = await UntilWebPidsAsync([www1.Pid]);
        var www2 = await Start(RosterService.StartAsync("www", "--consul", _agent.Address));
        var both = await UntilWebPidsAsync([www1.Pid, www2.Pid]);
        www1.Process.Signal(UnixSignal.Terminate);
        await www1.Process.WaitForExitAsync();
        var after = await UntilWebPidsAsync([www2.Pid]);

        Assert.Contains(single, reply => reply.WebPid == www1.Pid);
        Assert.Equal(2, both.Select(r => r.WebPid).Distinct().Count());
        Assert.All(after.TakeLast(10), reply => Assert.Equal(www2.Pid, reply.WebPid));
        Assert.Contains("server www-127.0.0.1-", await File.ReadAllTextAsync(_run.File("advanced.cfg")), StringComparison.Ordinal);
    }

    private async Task<RosterService> Start(Task<RosterService> starting)
    {
        var service = await starting;
        _processes.Add(service);
        return service;
    }

    // Asks HAProxy until the last ten replies came from exactly these www PIDs (each of them at least once).
    private async Task<List<WwwReply>> UntilWebPidsAsync(HashSet<int> pids)
    {
        var replies = new List<WwwReply>();
        using var deadline = new CancellationTokenSource(Timeouts.Ready);
        var url = new Uri($"http://127.0.0.1:{_frontend}/");
        while (true)
        {
            deadline.Token.ThrowIfCancellationRequested();
            try
            {
                replies.Add(await WwwReply.GetAsync(_http, url));
            }
            catch (HttpRequestException)
            {
                // A reply cut by a graceful reload: the walkthrough is about who answers, not about reload losses (the controller's job).
                continue;
            }

            var recent = replies.TakeLast(10).Select(r => r.WebPid).ToHashSet();
            if (replies.Count >= 10 && recent.SetEquals(pids))
            {
                return replies;
            }
        }
    }
}
