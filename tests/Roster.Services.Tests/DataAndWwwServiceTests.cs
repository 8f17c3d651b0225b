using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Roster.Agent.Hosting;
using Roster.Client;
using Roster.Services.Data;
using Roster.Services.Hosting;
using Roster.Services.Www;

namespace Roster.Services.Tests;

/// <summary>data and www as the seed defines their replies; www finds data through a real in-process agent.</summary>
public sealed class DataAndWwwServiceTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private AgentHost _agent = null!;
    private Uri _agentUrl = null!;

    public async Task InitializeAsync()
    {
        _agent = AgentHost.Create(new AgentOptions { HttpAddress = new IPEndPoint(IPAddress.Loopback, 0) });
        _agentUrl = await _agent.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _agent.DisposeAsync();
    }

    [Fact]
    public async Task DataGetRoot_AnswersAnEightDigitNumberAndItsPid()
    {
        await using var data = ServiceHost.Create(DataService.Definition, Options());
        var url = await data.StartAsync();

        using var reply = JsonDocument.Parse(await _http.GetStringAsync(url));

        Assert.InRange(reply.RootElement.GetProperty("data").GetInt32(), 10_000_000, 99_999_999);
        Assert.Equal(Environment.ProcessId, reply.RootElement.GetProperty("data_pid").GetInt32());
    }

    [Fact]
    public async Task WwwGetRoot_NoDataRegistered_Answers503WithAnErrorNever200()
    {
        await using var www = ServiceHost.Create(WwwService.Definition, Options());
        var url = await www.StartAsync();

        using var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task WwwGetRoot_DataRegistered_WrapsTheDataReplyWithItsOwnPid()
    {
        await using var data = ServiceHost.Create(DataService.Definition, Options());
        var dataUrl = await data.StartAsync();
        await RegisterDataAsync(dataUrl.Port);
        await using var www = ServiceHost.Create(WwwService.Definition, Options());
        var url = await www.StartAsync();

        using var reply = JsonDocument.Parse(await _http.GetStringAsync(url));

        Assert.Equal(Environment.ProcessId, reply.RootElement.GetProperty("web_pid").GetInt32());
        Assert.Equal(Environment.ProcessId, reply.RootElement.GetProperty("data").GetProperty("data_pid").GetInt32());
        Assert.InRange(reply.RootElement.GetProperty("data").GetProperty("data").GetInt32(), 10_000_000, 99_999_999);
    }

    private ServiceHostOptions Options() => new(IPAddress.Loopback, 0) { Consul = new ConsulClientOptions { Address = _agentUrl } };

    private async Task RegisterDataAsync(int port)
    {
        using var response = await _http.PutAsJsonAsync(new Uri(_agentUrl, "v1/agent/service/register"), new
        {
            Name = "data", ID = $"data-{port}", Address = "127.0.0.1", Port = port, Check = new { TTL = "10m", Status = "passing" },
        });
        response.EnsureSuccessStatusCode();
    }
}
