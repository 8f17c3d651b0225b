using Roster.Templating.Runner;
using Roster.Testing.Time;

namespace Roster.Templating.Tests.Runner;

/// <summary>
/// `roster template`'s loop against a real agent: what it writes and when, what it leaves alone, and how it fails
/// (consul-api.md §3.3–3.6). The runner's own log lines ("Rendered …", "Reload failed …") are the signals awaited.
/// </summary>
public sealed class TemplateRunnerTests
{
    private const string Servers = """{{ range service "www" }}server {{ .ID }} {{ .Address }}:{{ .Port }}{{ "\n" }}{{ end }}""";

    [Fact]
    public async Task RunAsync_InstancesComeAndGo_TheFileFollows()
    {
        await using var fixture = await RunnerFixture.StartAsync();
        var spec = new TemplateSpec(fixture.Template("in.tmpl", Servers), fixture.Path("out.cfg"), null);
        _ = fixture.Run(new RunnerOptions { Templates = [spec] });
        await fixture.Logs.NextAsync(Rendered);

        await fixture.RegisterAsync("www", "www-1", 20001);
        await fixture.Logs.NextAsync(Rendered, skip: 1);
        var one = await File.ReadAllTextAsync(spec.Destination!);
        await fixture.RegisterAsync("www", "www-2", 20002);
        await fixture.Logs.NextAsync(Rendered, skip: 2);
        var two = await File.ReadAllTextAsync(spec.Destination!);
        await fixture.Consul.Agent.DeregisterServiceAsync("www-1");
        await fixture.Logs.NextAsync(Rendered, skip: 3);

        Assert.Equal("server www-1 127.0.0.1:20001\n", one);
        Assert.Equal("server www-1 127.0.0.1:20001\nserver www-2 127.0.0.1:20002\n", two);
        Assert.Equal("server www-2 127.0.0.1:20002\n", await File.ReadAllTextAsync(spec.Destination!));
    }

    [Fact]
    public async Task RunAsync_ChangeTheTemplateCannotSee_NeitherWritesNorRunsTheCommand()
    {
        await using var fixture = await RunnerFixture.StartAsync();
        await fixture.Consul.Agent.RegisterServiceAsync(new Roster.Protocol.Agent.ServiceDefinition
        {
            Name = "www", Id = "www-1", Port = 20001, Check = new Roster.Protocol.Agent.CheckType { Ttl = TimeSpan.FromMinutes(5), Status = "passing" },
        });
        var spec = new TemplateSpec(fixture.Template("in.tmpl", Servers), fixture.Path("out.cfg"), $"echo ran >> {fixture.Path("runs")}");
        _ = fixture.Run(new RunnerOptions { Templates = [spec] });
        await fixture.Logs.NextAsync(CommandRan);

        // A TTL pass moves the health index (a new answer) but not what the template shows; then a real change.
        await fixture.Consul.Agent.PassTtlAsync("service:www-1", note: "still fine");
        await fixture.RegisterAsync("www", "www-2", 20002);
        await fixture.Logs.NextAsync(CommandRan, skip: 1);

        Assert.Equal(2, fixture.Logs.Count(Rendered));
        Assert.Equal(["ran", "ran"], await File.ReadAllLinesAsync(fixture.Path("runs")));
    }

    [Fact]
    public async Task RunAsync_KeyNotYetWritten_WaitsForItThenRendersOnceAndExits()
    {
        await using var fixture = await RunnerFixture.StartAsync();
        var spec = new TemplateSpec(fixture.Template("in.tmpl", """port {{ key "app/port" }}"""), fixture.Path("out.cfg"), null);
        var run = fixture.Run(new RunnerOptions { Templates = [spec], Once = true });
        await fixture.Logs.NextAsync(line => line.Contains("dependencies watched (1 started", StringComparison.Ordinal));

        Assert.False(run.IsCompleted);
        await fixture.Consul.Kv.PutAsync("app/port", "8080"u8.ToArray());

        Assert.Equal(TemplateExitCodes.Ok, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("port 8080", await File.ReadAllTextAsync(spec.Destination!));
    }

    [Fact]
    public async Task RunAsync_TemplateDoesNotParse_ExitsWithItsFileLineAndColumn()
    {
        await using var fixture = await RunnerFixture.StartAsync();
        var source = fixture.Template("bad.tmpl", "global\n  maxconn {{ if }}\n");

        var code = await fixture.Run(new RunnerOptions { Templates = [new TemplateSpec(source, fixture.Path("out.cfg"), null)] }).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(TemplateExitCodes.RunnerError, code);
        Assert.Contains(fixture.Logs.Lines, line => line.StartsWith($"template: {source}:2:", StringComparison.Ordinal));
        Assert.False(File.Exists(fixture.Path("out.cfg")));
    }

    [Fact]
    public async Task Reload_TemplateBrokenOnDisk_KeepsRenderingWithTheOldOne()
    {
        await using var fixture = await RunnerFixture.StartAsync();
        var source = fixture.Template("in.tmpl", Servers);
        var spec = new TemplateSpec(source, fixture.Path("out.cfg"), null);
        _ = fixture.Run(new RunnerOptions { Templates = [spec] });
        await fixture.Logs.NextAsync(Rendered);

        await File.WriteAllTextAsync(source, "{{ range service \"www\" }}");
        fixture.Runner!.Reload();
        var failure = await fixture.Logs.NextAsync(line => line.StartsWith("Reload failed", StringComparison.Ordinal));
        await fixture.RegisterAsync("www", "www-1", 20001);
        await fixture.Logs.NextAsync(Rendered, skip: 1);

        Assert.Contains($"{source}:1:", failure, StringComparison.Ordinal);
        Assert.Equal("server www-1 127.0.0.1:20001\n", await File.ReadAllTextAsync(spec.Destination!));
    }

    [Fact]
    public async Task RunAsync_DestinationCannotBeWritten_LogsItAndKeepsRunning()
    {
        await using var fixture = await RunnerFixture.StartAsync();
        // A regular file where the destination's directory should be: no user, root included, can write there.
        await File.WriteAllTextAsync(fixture.Path("not-a-dir"), "");
        var spec = new TemplateSpec(fixture.Template("in.tmpl", Servers), fixture.Path("not-a-dir/out.cfg"), null);
        var run = fixture.Run(new RunnerOptions { Templates = [spec] });

        var failure = await fixture.Logs.NextAsync(line => line.StartsWith("Could not write", StringComparison.Ordinal));
        await fixture.RegisterAsync("www", "www-1", 20001);
        await fixture.Logs.NextAsync(line => line.StartsWith("Could not write", StringComparison.Ordinal), skip: 1);

        Assert.Contains("keeps its previous contents", failure, StringComparison.Ordinal);
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_Once_RendersRunsTheCommandAndExitsZero()
    {
        await using var fixture = await RunnerFixture.StartAsync();
        await fixture.RegisterAsync("www", "www-1", 20001);
        var spec = new TemplateSpec(fixture.Template("in.tmpl", Servers), fixture.Path("out.cfg"), $"echo done > {fixture.Path("ran")}");

        var code = await fixture.Run(new RunnerOptions { Templates = [spec], Once = true }).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(TemplateExitCodes.Ok, code);
        Assert.Equal("server www-1 127.0.0.1:20001\n", await File.ReadAllTextAsync(spec.Destination!));
        Assert.Equal("done\n", await File.ReadAllTextAsync(fixture.Path("ran")));
    }

    [Fact]
    public async Task RunAsync_Wait_CoalescesABurstIntoOneWriteAfterTheQuietPeriod()
    {
        await using var fixture = await RunnerFixture.StartAsync();
        var clock = new FakeClock();
        var quiet = TimeSpan.FromSeconds(5);
        var spec = new TemplateSpec(fixture.Template("in.tmpl", Servers), fixture.Path("out.cfg"), $"echo ran >> {fixture.Path("runs")}");
        _ = fixture.Run(new RunnerOptions { Templates = [spec], Wait = new WaitSpec(quiet, TimeSpan.FromSeconds(20)) }, clock);
        await fixture.Logs.NextAsync(CommandRan);

        var first = clock.WhenTimerCreated(due => due == quiet);
        await fixture.RegisterAsync("www", "www-1", 20001);
        await first;
        clock.Advance(TimeSpan.FromSeconds(4));
        var restarted = clock.WhenTimerCreated(due => due == quiet);
        await fixture.RegisterAsync("www", "www-2", 20002);
        await restarted;
        clock.Advance(TimeSpan.FromSeconds(4));
        var beforeDue = await File.ReadAllTextAsync(spec.Destination!);
        clock.Advance(TimeSpan.FromSeconds(1));
        await fixture.Logs.NextAsync(CommandRan, skip: 1);

        Assert.Equal("", beforeDue);
        Assert.Equal("server www-1 127.0.0.1:20001\nserver www-2 127.0.0.1:20002\n", await File.ReadAllTextAsync(spec.Destination!));
        Assert.Equal(["ran", "ran"], await File.ReadAllLinesAsync(fixture.Path("runs")));
    }

    private static bool Rendered(string line) => line.StartsWith("Rendered ", StringComparison.Ordinal) && line.Contains("=>", StringComparison.Ordinal);

    private static bool CommandRan(string line) => line.StartsWith("Command '", StringComparison.Ordinal) && line.Contains(" ran in ", StringComparison.Ordinal);
}
