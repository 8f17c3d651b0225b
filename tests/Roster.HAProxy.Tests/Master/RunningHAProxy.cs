using System.Globalization;
using System.Text.Json;
using Roster.HAProxy.Master;
using Roster.Testing;
using Roster.Testing.Network;
using Roster.Testing.Processes;
using Xunit.Abstractions;

namespace Roster.HAProxy.Tests.Master;

/// <summary>A real basic-web backend behind a real HAProxy started by <see cref="HAProxyMaster"/>, in a fresh run dir.</summary>
internal sealed class RunningHAProxy : IAsyncDisposable
{
    private RunningHAProxy(RunDirectory run, RosterService backend, HAProxyMaster master, TestLogger log, int frontendPort)
    {
        Run = run;
        Backend = backend;
        Master = master;
        Log = log;
        FrontendPort = frontendPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{frontendPort}/"), Timeout = Timeouts.Ready };
    }

    public RunDirectory Run { get; }

    public RosterService Backend { get; }

    public HAProxyMaster Master { get; }

    public TestLogger Log { get; }

    public int FrontendPort { get; }

    public HttpClient Http { get; }

    /// <summary>The config HAProxy was started with, which a reload or restart reads again.</summary>
    public string ConfigPath => Run.File("haproxy.cfg");

    public string AdminSocket => Run.File("admin.sock");

    public static async Task<RunningHAProxy> StartAsync(ITestOutputHelper output)
    {
        var run = new RunDirectory();
        var backend = await RosterService.StartAsync("basic-web");
        var port = FreePort.Next();
        var log = new TestLogger(output);
        var master = new HAProxyMaster(run.Path, run.File("admin.sock"), TimeProvider.System, log);
        await File.WriteAllTextAsync(run.File("haproxy.cfg"), TestHAProxyConfig.Render(run.Path, port, 1, backend.Port));
        await master.StartAsync(run.File("haproxy.cfg"), CancellationToken.None);
        return new RunningHAProxy(run, backend, master, log, port);
    }

    /// <summary>Writes generation <paramref name="generation"/> of the config (same backend) where HAProxy reads it.</summary>
    public Task WriteConfigAsync(int generation, string extra = "") =>
        File.WriteAllTextAsync(ConfigPath, TestHAProxyConfig.Render(Run.Path, FrontendPort, generation, Backend.Port) + extra);

    /// <summary>One GET / on a new connection: the X-Gen that answered and the backend's PID.</summary>
    public async Task<(int Generation, int Pid)> GetAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.ConnectionClose = true;
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (int.Parse(response.Headers.GetValues("X-Gen").Single(), CultureInfo.InvariantCulture), body.RootElement.GetProperty("pid").GetInt32());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Master.DisposeAsync();
        await Backend.DisposeAsync();
        Run.Dispose();
    }
}
