using System.CommandLine;
using Roster.Bench.Churn;
using Roster.Bench.Convergence;
using Roster.Bench.Registry;
using Roster.Bench.Templates;
using Roster.Bench.Throughput;
using Roster.Bench.Up;
using Roster.Bench.Wrk;

// bench/run [throughput|registry|convergence|template|churn] [options]: each benchmark prints a Markdown table; with no name, all of them run.
var duration = new Option<int?>("--duration") { Description = "Seconds per measured wrk run (default: 10; churn: 30 per path)", Recursive = true };
var runs = new Option<int>("--runs") { Description = "Measured runs per throughput case (the table shows medians)", DefaultValueFactory = _ => 3, Recursive = true };
var connections = new Option<int>("--connections") { Description = "wrk connections", DefaultValueFactory = _ => 50, Recursive = true };
var instances = new Option<int>("--instances") { Description = "Registry: instances to register", DefaultValueFactory = _ => 10_000, Recursive = true };
var services = new Option<int>("--services") { Description = "Registry: services they spread over", DefaultValueFactory = _ => 100, Recursive = true };
var watchers = new Option<int>("--watchers") { Description = "Registry: concurrent blocking watchers", DefaultValueFactory = _ => 1_000, Recursive = true };
var paths = new Option<string[]>("--paths")
{
    Description = "Churn: update paths to run (runtime reload dns seed)", DefaultValueFactory = _ => [.. ChurnBenchmark.PathNames], Recursive = true,
    AllowMultipleArgumentsPerToken = true,
};
paths.AcceptOnlyFromAmong([.. ChurnBenchmark.PathNames]);
var launches = new Option<int>("--launches") { Description = "Convergence: data processes launched one after another", DefaultValueFactory = _ => 20, Recursive = true };
var restarts = new Option<int>("--restarts") { Description = "Convergence: agent restarts", DefaultValueFactory = _ => 5, Recursive = true };

var upRuns = new Option<int>("--up-runs") { Description = "roster up: launches of the whole system", DefaultValueFactory = _ => 5, Recursive = true };

WrkOptions Wrk(ParseResult parsed, int defaultSeconds = 10) =>
    new(Threads: 1, parsed.GetValue(connections), TimeSpan.FromSeconds(parsed.GetValue(duration) ?? defaultSeconds));

async Task Throughput(ParseResult parsed)
{
    var wrk = Wrk(parsed);
    await Console.Error.WriteLineAsync($"throughput: {wrk}, {parsed.GetValue(runs)} runs per case");
    var cases = await ThroughputBenchmark.RunAsync(wrk, parsed.GetValue(runs));
    Console.WriteLine(ThroughputReport.Render(cases, wrk, parsed.GetValue(runs)));
}

async Task Registry(ParseResult parsed)
{
    var scale = new RegistryScale(parsed.GetValue(instances), parsed.GetValue(services), parsed.GetValue(watchers));
    await Console.Error.WriteLineAsync($"registry: {scale}");
    var figures = await RegistryBenchmark.RunAsync(scale, Wrk(parsed) with { Connections = 20, Duration = TimeSpan.FromSeconds(5) });
    Console.WriteLine(RegistryReport.Render(figures));
}

async Task Convergence(ParseResult parsed)
{
    await Console.Error.WriteLineAsync($"convergence: {parsed.GetValue(launches)} data launches, {parsed.GetValue(restarts)} agent restarts");
    var figures = await ConvergenceBenchmark.RunAsync(parsed.GetValue(launches), parsed.GetValue(restarts), Wrk(parsed));
    Console.WriteLine(ConvergenceReport.Render(figures));
}

async Task Template(ParseResult parsed)
{
    await Console.Error.WriteLineAsync("template: render over 1000 instances, then 50 registrations through roster agent + roster template");
    var figures = await TemplateBenchmark.RunAsync(1000, 50);
    Console.WriteLine(TemplateReport.Render(figures));
}

async Task Churn(ParseResult parsed)
{
    var wrk = Wrk(parsed, defaultSeconds: 30);
    await Console.Error.WriteLineAsync($"churn: {string.Join(", ", parsed.GetValue(paths)!)}, {wrk} each");
    Console.WriteLine(ChurnReport.Render(await ChurnBenchmark.RunAsync(wrk, parsed.GetValue(paths)!), wrk));
}

async Task Up(ParseResult parsed)
{
    await Console.Error.WriteLineAsync($"up: {parsed.GetValue(upRuns)} runs of roster up + roster scale www=4, then child start-up per build");
    var binaries = new Dictionary<string, string> { ["ReadyToRun"] = Roster.Testing.Repository.RosterBinary.Path };
    if (Environment.GetEnvironmentVariable("ROSTER_JIT_BINARY") is { Length: > 0 } jit)
    {
        binaries["JIT only"] = jit;
    }

    Console.WriteLine(UpReport.Render(await UpBenchmark.RunAsync(parsed.GetValue(upRuns), binaries)));
}

var throughput = new Command("throughput", "wrk through HAProxy vs direct, side by side");
throughput.SetAction(Throughput);
var registry = new Command("registry", "roster agent with many instances and blocking watchers: wake-up latency, health req/s, RSS");
registry.SetAction(Registry);
var convergence = new Command("convergence", "data launch -> www reply with its PID, agent restart -> services back, www -> data req/s");
convergence.SetAction(Convergence);
var template = new Command("template", "roster template: render time over 1000 instances, registration -> file rewritten");
template.SetAction(Template);
var churn = new Command("churn", "wrk through each update path while www instances start, stop and die: failed requests, launch -> first reply");
churn.SetAction(Churn);
var up = new Command("up", "roster up launch -> first 200, roster scale www=4 -> 4 web_pids, child start-up ReadyToRun vs JIT");
up.SetAction(Up);
var root = new RootCommand("Roster benchmarks")
{
    duration, runs, connections, paths, instances, services, watchers, launches, restarts, upRuns, throughput, registry, convergence, template, churn, up,
};
root.SetAction(async parsed =>
{
    await Throughput(parsed);
    await Registry(parsed);
    await Convergence(parsed);
    await Template(parsed);
    await Churn(parsed);
    await Up(parsed);
});
return await root.Parse(args).InvokeAsync();
