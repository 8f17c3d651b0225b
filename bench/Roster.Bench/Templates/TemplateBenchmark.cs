using System.Diagnostics;
using System.Net.Http.Json;
using Roster.Bench.Reporting;
using Roster.Templating.Data;
using Roster.Templating.Execution;
using Roster.Testing;
using Roster.Testing.Processes;
using Roster.Testing.Repository;

namespace Roster.Bench.Templates;

/// <summary>
/// `roster template`'s two costs: rendering the shipped advanced.cfg.template over a large service (in process, the
/// interpreter alone), and the whole path from a registration to the rewritten file through a running agent and a
/// running `roster template`.
/// </summary>
internal static class TemplateBenchmark
{
    public static async Task<TemplateFigures> RunAsync(int instances, int registrations)
    {
        var render = MeasureRender(instances);
        await Console.Error.WriteLineAsync($"  render of {instances} instances: p50 {render.P50.TotalMilliseconds:0.00} ms");
        var latencies = await MeasureRegistrationToFileAsync(registrations);
        return new TemplateFigures(instances, render, latencies);
    }

    private static RenderTimes MeasureRender(int instances)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("examples", "seed", "advanced.cfg.template"));
        IReadOnlyList<HealthService> services =
        [
            .. Enumerable.Range(0, instances).Select(i => new HealthService
            {
                ID = $"www-127.0.0.1-{20000 + i}-{Guid.NewGuid():D}", Name = "www", Node = "node", Address = "127.0.0.1", Port = 20000 + i,
                Status = "passing", Tags = ServiceTags.Sorted(["v1"]),
            }),
        ];
        // The template's own functions with `service` answering from memory: what is timed is the interpreter, not the registry.
        var functions = FunctionTable.Builtins
            .With(Roster.Templating.Functions.ConsulTemplateFunctions.Pure(TimeProvider.System, Environment.GetEnvironmentVariable))
            .With("service", (params string[] _) => services);
        var parse = Stopwatch.StartNew();
        var template = GoTemplate.Parse("advanced.cfg.template", text, functions);
        parse.Stop();
        for (var i = 0; i < 50; i++)
        {
            template.Execute(null);
        }

        List<TimeSpan> times = [];
        for (var i = 0; i < 200; i++)
        {
            var clock = Stopwatch.StartNew();
            template.Execute(null);
            times.Add(clock.Elapsed);
        }

        return new RenderTimes(parse.Elapsed, Percentile.Of(times, 0.5), Percentile.Of(times, 0.99));
    }

    // Each registration: PUT a new www instance (passing at once), then wait until the rendered file names it.
    private static async Task<List<TimeSpan>> MeasureRegistrationToFileAsync(int registrations)
    {
        using var run = new RunDirectory();
        await using var agent = await RosterAgentProcess.StartAsync();
        await File.WriteAllTextAsync(run.File("in.tmpl"), """{{ range service "www" }}server {{ .ID }} {{ .Address }}:{{ .Port }}{{ "\n" }}{{ end }}""");
        await using var template = ChildProcess.Start(
            RosterBinary.Path, ["template", "-consul-addr", agent.Address, "-log-level", "info", "-template", $"{run.File("in.tmpl")}:{run.File("out")}"]);
        await template.WaitForLineAsync(line => line.Contains("Rendered", StringComparison.Ordinal));
        using var http = new HttpClient { BaseAddress = agent.Url };
        using var written = new FileWritten(run.Path, "out");
        List<TimeSpan> latencies = [];
        for (var i = 0; i < registrations; i++)
        {
            // Isolated changes: the watch rate-limits fetches to one per 100 ms (consul-template's rule), which back-to-back
            // registrations would measure instead of the path itself.
            await Task.Delay(TimeSpan.FromMilliseconds(150));
            var id = $"www-{i}";
            var clock = Stopwatch.StartNew();
            using var response = await http.PutAsJsonAsync("v1/agent/service/register", new
            {
                Name = "www", ID = id, Address = "127.0.0.1", Port = 20000 + i, Check = new { TTL = "10m", Status = "passing" },
            });
            response.EnsureSuccessStatusCode();
            await written.UntilAsync(contents => contents.Contains($"server {id} ", StringComparison.Ordinal));
            latencies.Add(clock.Elapsed);
        }

        return latencies;
    }
}

/// <summary>What the template benchmark measured.</summary>
internal sealed record TemplateFigures(int Instances, RenderTimes Render, IReadOnlyList<TimeSpan> RegistrationToFile);

/// <summary>Parse once, then render p50/p99 over repeated executions.</summary>
internal sealed record RenderTimes(TimeSpan Parse, TimeSpan P50, TimeSpan P99);
