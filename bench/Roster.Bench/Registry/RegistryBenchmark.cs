using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Roster.Bench.Reporting;
using Roster.Bench.Wrk;
using Roster.Testing.Processes;

namespace Roster.Bench.Registry;

/// <summary>
/// The agent at scale: N instances over M services, W blocking watchers spread over the services, then one write
/// per service; measures how long each watcher takes to wake, the health-query throughput, and the agent's memory.
/// </summary>
internal static class RegistryBenchmark
{
    public static async Task<RegistryFigures> RunAsync(RegistryScale scale, WrkOptions wrk)
    {
        await using var agent = await RosterAgentProcess.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
        {
            BaseAddress = agent.Url,
            Timeout = TimeSpan.FromMinutes(2),
        };

        var registering = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, scale.Instances), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, ct) => await RegisterAsync(http, Service(i % scale.Services), $"inst-{i}", 30000 + (i % 30000), ct));
        registering.Stop();
        await Console.Error.WriteLineAsync($"  registered {scale.Instances} instances over {scale.Services} services in {registering.Elapsed.TotalSeconds:0.0} s");

        WakeUpEvent?[] events = new WakeUpEvent?[scale.Services];
        using var stop = new CancellationTokenSource();
        var watchers = Enumerable.Range(0, scale.Watchers)
            .Select(w => new HealthWatcher(w, Service(w % scale.Services), http, () => Volatile.Read(ref events[w % scale.Services])))
            .ToList();
        var running = watchers.Select(w => Task.Run(() => w.RunAsync(stop.Token))).ToList();
        await Task.WhenAll(watchers.Select(w => w.Armed)).WaitAsync(TimeSpan.FromMinutes(1));
        await Console.Error.WriteLineAsync($"  {scale.Watchers} watchers blocking");

        var perService = scale.Watchers / scale.Services;
        List<TimeSpan> latencies = [];
        for (var s = 0; s < scale.Services; s++)
        {
            var wakeUp = new WakeUpEvent(perService);
            Volatile.Write(ref events[s], wakeUp);
            wakeUp.Start();
            await RegisterAsync(http, Service(s), $"extra-{s}", 40000 + s, CancellationToken.None);
            await wakeUp.AllSeen.WaitAsync(TimeSpan.FromSeconds(30));
            latencies.AddRange(wakeUp.Latencies);
        }

        var health = await WrkRunner.RunAsync(new Uri(agent.Url, $"v1/health/service/{Service(0)}?passing"), wrk);
        var memory = ProcessMemory.Read(agent.Process.Pid);
        await stop.CancelAsync();
        await Task.WhenAll(running);

        return new RegistryFigures(scale, registering.Elapsed, Percentile.Of(latencies, 0.50), Percentile.Of(latencies, 0.99), latencies.Count, health, memory);
    }

    private static string Service(int i) => $"svc-{i:000}";

    private static async Task RegisterAsync(HttpClient http, string service, string id, int port, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["Name"] = service,
            ["ID"] = $"{service}-{id}",
            ["Address"] = "127.0.0.1",
            ["Port"] = port,
            ["Check"] = new Dictionary<string, string> { ["TTL"] = "10m", ["Status"] = "passing" },
        };
        using var response = await http.PutAsJsonAsync(new Uri("v1/agent/service/register", UriKind.Relative), body, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

}

/// <summary>How big the registry benchmark goes.</summary>
internal sealed record RegistryScale(int Instances, int Services, int Watchers);

/// <summary>What the registry benchmark measured.</summary>
internal sealed record RegistryFigures(
    RegistryScale Scale, TimeSpan Registration, TimeSpan WakeP50, TimeSpan WakeP99, int Samples, WrkResult Health, ProcessMemory Memory)
{
    public string RegistrationRate => (Scale.Instances / Registration.TotalSeconds).ToString("0", CultureInfo.InvariantCulture);
}
