using System.CommandLine;
using System.Globalization;
using Roster.Bench.Reporting;
using Roster.Bench.Throughput;
using Roster.Bench.Wrk;

var duration = new Option<int>("--duration") { Description = "Seconds per measured run", DefaultValueFactory = _ => 10 };
var runs = new Option<int>("--runs") { Description = "Measured runs per case (the table shows medians)", DefaultValueFactory = _ => 3 };
var threads = new Option<int>("--threads") { Description = "wrk threads", DefaultValueFactory = _ => 1 };
var connections = new Option<int>("--connections") { Description = "wrk connections", DefaultValueFactory = _ => 50 };
var root = new RootCommand("Roster benchmarks: throughput through HAProxy, measured side by side in one run")
{
    duration, runs, threads, connections,
};
root.SetAction(async parsed =>
{
    var wrk = new WrkOptions(parsed.GetValue(threads), parsed.GetValue(connections), TimeSpan.FromSeconds(parsed.GetValue(duration)));
    var count = parsed.GetValue(runs);
    await Console.Error.WriteLineAsync($"throughput: {wrk}, {count} runs per case, {Environment.ProcessorCount} cores");
    var cases = await ThroughputBenchmark.RunAsync(wrk, count);

    static string F(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
    var table = new MarkdownTable("case", "req/s", "p50 ms", "p99 ms", "errors", "backend conns reused");
    foreach (var side in cases)
    {
        table.Add(side.Name, F(side.Median(r => r.Wrk.RequestsPerSecond), "0"), F(side.Median(r => r.Wrk.P50Ms), "0.00"),
            F(side.Median(r => r.Wrk.P99Ms), "0.00"), F(side.Runs.Sum(r => r.Wrk.Errors), "0"), F(side.Median(r => r.BackendReuse * 100), "0.0'%'"));
    }

    foreach (var side in cases.Skip(1))
    {
        var a = cases[0];
        table.Add($"ratio {side.Name[0]}/a", F(side.Median(r => r.Wrk.RequestsPerSecond) / a.Median(r => r.Wrk.RequestsPerSecond), "0.00"),
            F(side.Median(r => r.Wrk.P50Ms) / a.Median(r => r.Wrk.P50Ms), "0.00"), F(side.Median(r => r.Wrk.P99Ms) / a.Median(r => r.Wrk.P99Ms), "0.00"), "", "");
    }

    Console.WriteLine($"Throughput ({wrk}, median of {count} runs, {Environment.ProcessorCount} cores, everything on 127.0.0.1)");
    Console.WriteLine();
    Console.Write(table);
    return 0;
});
return await root.Parse(args).InvokeAsync();
