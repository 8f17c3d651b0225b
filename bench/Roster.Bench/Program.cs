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
    var (a, b) = await ThroughputBenchmark.RunAsync(wrk, count);

    static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
    var table = new MarkdownTable("case", "req/s", "p50 ms", "p99 ms", "errors");
    foreach (var side in new[] { a, b })
    {
        table.Add(side.Name, F(side.Median(r => r.RequestsPerSecond), "0"), F(side.Median(r => r.P50Ms), "0.00"),
            F(side.Median(r => r.P99Ms), "0.00"), F(side.Runs.Sum(r => r.Errors), "0"));
    }

    table.Add("ratio b/a", F(b.Median(r => r.RequestsPerSecond) / a.Median(r => r.RequestsPerSecond), "0.00"),
        F(b.Median(r => r.P50Ms) / a.Median(r => r.P50Ms), "0.00"), F(b.Median(r => r.P99Ms) / a.Median(r => r.P99Ms), "0.00"), "");
    Console.WriteLine($"Throughput ({wrk}, median of {count} runs, {Environment.ProcessorCount} cores, everything on 127.0.0.1)");
    Console.WriteLine();
    Console.Write(table);
    return 0;
});
return await root.Parse(args).InvokeAsync();
