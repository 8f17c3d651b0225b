using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Testing;
using Roster.Testing.Processes;
using Roster.Testing.Reliability;

namespace Roster.EndToEnd.Tests.Faults;

/// <summary>
/// `roster agent -data-dir` SIGKILLed while concurrent clients write: every KV write and registration it acknowledged
/// is there after the restart. AgentDataDirTests shows it for writes that had all finished; here the kill lands mid-flight.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Fault)]
public sealed class AgentCrashTests : IDisposable
{
    private const int Clients = 8;
    private const int WritesPerClient = 60;
    private const int KillAfter = 240;

    private readonly RunDirectory _run = new();
    private readonly HttpClient _http = new() { Timeout = Timeouts.Ready };

    public void Dispose()
    {
        _http.Dispose();
        _run.Dispose();
    }

    [Fact]
    public async Task DataDirAgent_SigkilledUnderConcurrentWrites_EveryAcknowledgedWriteIsThereAfterRestart()
    {
        var dataDir = _run.File("data");
        var keys = new ConcurrentBag<string>();
        var registrations = new ConcurrentBag<string>();
        var attempted = 0;
        await using (var agent = await RosterAgentProcess.StartAsync("-data-dir", dataDir))
        {
            var acknowledged = 0;
            var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Acknowledged()
            {
                if (Interlocked.Increment(ref acknowledged) == KillAfter)
                {
                    killNow.TrySetResult();
                }
            }

            // Each client alternates a KV PUT and a service registration; a write that got no answer is not acknowledged.
            var writers = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                for (var i = 0; i < WritesPerClient; i++)
                {
                    Interlocked.Increment(ref attempted);
                    var name = $"c{client}-w{i}";
                    if (i % 2 == 0 && await TryPutAsync(agent.Url, $"v1/kv/load/{name}", new StringContent(name)))
                    {
                        keys.Add(name);
                        Acknowledged();
                    }
                    else if (i % 2 == 1 && await TryPutAsync(agent.Url, "v1/agent/service/register", JsonContent.Create(new
                    {
                        Name = "load", ID = name, Address = "127.0.0.1", Port = 20000 + (client * WritesPerClient) + i,
                        Check = new { TTL = "10m", Status = "passing" },
                    })))
                    {
                        registrations.Add(name);
                        Acknowledged();
                    }
                }
            })).ToList();

            await killNow.Task.WaitAsync(Timeouts.Ready);
            agent.Process.Signal(UnixSignal.Kill);
            await agent.Process.WaitForExitAsync();
            await Task.WhenAll(writers).WaitAsync(Timeouts.Ready);
        }

        await using var restarted = await RosterAgentProcess.StartAsync("-data-dir", dataDir);
        var lostKeys = new List<string>();
        foreach (var key in keys)
        {
            using var response = await _http.GetAsync(new Uri(restarted.Url, $"v1/kv/load/{key}?raw"));
            if (!response.IsSuccessStatusCode || await response.Content.ReadAsStringAsync() != key)
            {
                lostKeys.Add(key);
            }
        }

        using var services = JsonDocument.Parse(await _http.GetStringAsync(new Uri(restarted.Url, "v1/agent/services")));
        var lostRegistrations = registrations.Where(id => !services.RootElement.TryGetProperty(id, out _)).ToList();

        var tried = $"SIGKILL of `roster agent -data-dir` after {KillAfter} acknowledged writes, {Clients} clients writing concurrently; restart";
        ReliabilityLog.Record<AgentCrashTests>(ReliabilityKind.Fault, tried, keys.Count, "acknowledged KV writes", lostKeys.Count,
            $"{attempted} writes attempted in all, {keys.Count + registrations.Count} acknowledged before or around the kill");
        ReliabilityLog.Record<AgentCrashTests>(ReliabilityKind.Fault, tried, registrations.Count, "acknowledged registrations", lostRegistrations.Count);
        Assert.True(keys.Count + registrations.Count >= KillAfter, "the kill came before the writes it was meant to interrupt");
        Assert.Empty(lostKeys);
        Assert.Empty(lostRegistrations);
    }

    // True only for a complete 200 answer: Consul's KV PUT says "true", a registration says nothing.
    private async Task<bool> TryPutAsync(Uri agent, string path, HttpContent content)
    {
        try
        {
            using var response = await _http.PutAsync(new Uri(agent, path), content);
            var body = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && (!path.StartsWith("v1/kv/", StringComparison.Ordinal) || body == "true");
        }
        catch (HttpRequestException)
        {
            // Killed mid-request, or refused afterwards: not acknowledged, so nothing is owed.
            return false;
        }
    }
}
