using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Testing;
using Roster.Testing.Processes;

namespace Roster.EndToEnd.Tests;

/// <summary>`roster agent -data-dir DIR`: every write the agent acknowledged is there again after a SIGKILL and a restart.</summary>
public sealed class AgentDataDirTests : IDisposable
{
    private static readonly string[] Tags = ["t"];

    private readonly RunDirectory _run = new();
    private readonly HttpClient _http = new() { Timeout = Timeouts.Ready };

    public void Dispose()
    {
        _http.Dispose();
        _run.Dispose();
    }

    [Fact]
    public async Task Restart_AfterSigkillRightAfterAcknowledgedWrites_LosesNone()
    {
        const int Writes = 40;
        var dataDir = _run.File("data");
        await using (var agent = await RosterAgentProcess.StartAsync("-data-dir", dataDir))
        {
            for (var i = 0; i < Writes; i++)
            {
                await PutOkAsync(agent, $"v1/kv/app/key-{i}", new StringContent($"value-{i}"));
                await PutOkAsync(agent, "v1/agent/service/register", JsonContent.Create(new
                {
                    Name = "web", ID = $"web-{i}", Address = "127.0.0.1", Port = 20000 + i, Tags,
                    Check = new { TTL = "10m", Status = "passing" },
                }));
            }

            // The moment the last write was acknowledged, with no chance to flush or shut down.
            agent.Process.Signal(UnixSignal.Kill);
            await agent.Process.WaitForExitAsync();
        }

        await using var restarted = await RosterAgentProcess.StartAsync("-data-dir", dataDir);
        using var keys = JsonDocument.Parse(await _http.GetStringAsync(new Uri(restarted.Url, "v1/kv/app/?keys")));
        using var services = JsonDocument.Parse(await _http.GetStringAsync(new Uri(restarted.Url, "v1/health/service/web?passing")));

        Assert.Equal(Writes, keys.RootElement.GetArrayLength());
        Assert.Equal("value-39", await _http.GetStringAsync(new Uri(restarted.Url, "v1/kv/app/key-39?raw")));
        Assert.Equal(Writes, services.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Restart_WithoutDataDir_StartsEmptyAsConsulDev()
    {
        await using (var agent = await RosterAgentProcess.StartAsync())
        {
            await PutOkAsync(agent, "v1/kv/k", new StringContent("v"));
        }

        await using var fresh = await RosterAgentProcess.StartAsync();
        using var response = await _http.GetAsync(new Uri(fresh.Url, "v1/kv/k"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task PutOkAsync(RosterAgentProcess agent, string path, HttpContent content)
    {
        using var response = await _http.PutAsync(new Uri(agent.Url, path), content);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
