using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Roster.Agent.Hosting;
using Roster.Client.Registration;
using Roster.Client.Tests.Integration;
using Microsoft.Extensions.Logging;
using Roster.Protocol.Health;

namespace Roster.Client.Tests.Registration;

/// <summary>Self-registration of a real web app with the real embedded agent; the heartbeat runs on a fake clock.</summary>
public sealed partial class ServiceRegistrarTests
{
    // The heartbeat tests leave the held read of the instance out, so the heartbeat is the only thing that can notice a forgetful agent.
    private static readonly ServiceRegistrationOptions Web = new() { Name = "web", Tags = ["v1"], WatchAgent = false };
    private static readonly ServiceRegistrationOptions Watching = Web with { WatchAgent = true };
    private static readonly TimeSpan Beat = Web.Ttl / 3;

    [Fact]
    public async Task StartAsync_PortZero_RegistersTheBoundPortWithIdFormatAndBothChecks()
    {
        await using var agent = await RunningAgent.StartAsync();
        await using var app = RegisteredApp.Create(agent.Client.Options.Address, Web);

        await app.App.StartAsync();
        var instance = Assert.Single((await agent.Client.Health.ServiceAsync("web")).Value);

        var port = app.BoundAddress.Port;
        var id = instance.Service.Id;
        Assert.Equal(app.ServiceId, id);
        Assert.Matches(IdFormat(), id);
        Assert.StartsWith($"web-127.0.0.1-{port}-", id, StringComparison.Ordinal);
        Assert.Equal(("127.0.0.1", port), (instance.Service.Address, instance.Service.Port));
        Assert.Equal(["v1"], instance.Service.Tags!);
        var ttl = Assert.Single(instance.Checks!, c => c.CheckId == $"service:{id}:ttl");
        var http = Assert.Single(instance.Checks!, c => c.CheckId == $"service:{id}:http");
        Assert.Equal(CheckTypes.Ttl, ttl.Type);
        Assert.Equal(TimeSpan.FromMinutes(1), ttl.Definition.DeregisterCriticalServiceAfter);
        Assert.Equal((CheckTypes.Http, $"http://127.0.0.1:{port}/health"), (http.Type, http.Definition.Http));
        Assert.Equal(TimeSpan.FromSeconds(1), http.Definition.Interval);
    }

    [Fact]
    public async Task StartAsync_AfterTheFirstPass_TtlCheckIsPassing()
    {
        await using var agent = await RunningAgent.StartAsync();
        await using var app = RegisteredApp.Create(agent.Client.Options.Address, Web);

        await app.App.StartAsync();

        Assert.Equal(
            [("PUT", "/v1/agent/service/register"), ("PUT", $"/v1/agent/check/pass/service:{app.ServiceId}:ttl")],
            app.Requests.Drain().Where(r => r.Method == HttpMethod.Put).Select(r => (r.Method.Method, r.Path)));
        Assert.Equal(CheckStatus.Passing, await TtlStatusAsync(agent, app.ServiceId));
    }

    [Fact]
    public async Task StartAsync_Registered_IsPassingAtOnceWithoutWaitingForTheFirstProbe()
    {
        await using var agent = await RunningAgent.StartAsync();
        await using var app = RegisteredApp.Create(agent.Client.Options.Address, Web);

        await app.App.StartAsync();
        var passing = await agent.Client.Health.ServiceAsync("web", passingOnly: true);

        Assert.Equal(app.ServiceId, Assert.Single(passing.Value).Service.Id);
    }

    [Fact]
    public async Task StartAsync_ServerAnswersHealth_InstanceJoinsThePassingSet()
    {
        await using var agent = await RunningAgent.StartAsync();
        await using var app = RegisteredApp.Create(agent.Client.Options.Address, Web);
        await app.App.StartAsync();

        // The agent runs the HTTP check on its own (real) clock within one interval; block on the health index until it has.
        using var timeout = new CancellationTokenSource(Signals.Timeout);
        var passing = await agent.Client.Health.ServiceAsync("web", passingOnly: true, cancellationToken: timeout.Token);
        while (passing.Value.Count == 0)
        {
            var options = new QueryOptions { Index = passing.LastIndex, Wait = Signals.Timeout };
            passing = await agent.Client.Health.ServiceAsync("web", passingOnly: true, options: options, cancellationToken: timeout.Token);
        }

        var instance = Assert.Single(passing.Value);
        Assert.Equal(app.ServiceId, instance.Service.Id);
        Assert.All(instance.Checks!, check => Assert.Equal(CheckStatus.Passing, check.Status));
    }

    [Fact]
    public async Task Heartbeat_ClockAdvancedByAThirdOfTheTtl_PassesTheTtlAgain()
    {
        await using var agent = await RunningAgent.StartAsync();
        await using var app = RegisteredApp.Create(agent.Client.Options.Address, Web);
        await app.App.StartAsync();
        app.Requests.Drain();

        app.Time.Advance(Beat);
        var pass = await app.Requests.NextAsync(r => r.Path.StartsWith("/v1/agent/check/pass/", StringComparison.Ordinal));
        app.Time.Advance(Beat);
        var second = await app.Requests.NextAsync(r => r.Path.StartsWith("/v1/agent/check/pass/", StringComparison.Ordinal));

        Assert.Equal(($"/v1/agent/check/pass/service:{app.ServiceId}:ttl", HttpStatusCode.OK), (pass.Path, pass.Status));
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(CheckStatus.Passing, await TtlStatusAsync(agent, app.ServiceId));
    }

    [Fact]
    public async Task Heartbeat_AgentForgotTheService_NextTickRegistersAgainAndPasses()
    {
        await using var agent = await RunningAgent.StartAsync();
        await using var app = RegisteredApp.Create(agent.Client.Options.Address, Web);
        await app.App.StartAsync();
        app.Requests.Drain();

        // What an agent restart without a data dir looks like from here: the service and its checks are gone.
        await agent.Client.Agent.DeregisterServiceAsync(app.ServiceId);
        app.Time.Advance(Beat);
        var forgotten = await app.Requests.NextAsync(r => r.Path.StartsWith("/v1/agent/check/pass/", StringComparison.Ordinal));
        var register = await app.Requests.NextAsync(_ => true);
        var pass = await app.Requests.NextAsync(_ => true);

        Assert.Equal(HttpStatusCode.NotFound, forgotten.Status);
        Assert.Equal(("/v1/agent/service/register", HttpStatusCode.OK), (register.Path, register.Status));
        Assert.Equal(($"/v1/agent/check/pass/service:{app.ServiceId}:ttl", HttpStatusCode.OK), (pass.Path, pass.Status));
        Assert.Contains(app.ServiceId, (await agent.Client.Agent.ServicesAsync()).Keys);
        Assert.Equal(CheckStatus.Passing, await TtlStatusAsync(agent, app.ServiceId));
        Assert.Contains(app.RegistrarLogs(LogLevel.Information), m => m.Contains("registered it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WatchAgent_AgentForgotTheService_RegistersAgainBeforeAnyHeartbeat()
    {
        await using var agent = await RunningAgent.StartAsync();
        await using var app = RegisteredApp.Create(agent.Client.Options.Address, Watching);
        await app.App.StartAsync();
        await app.Requests.NextAsync(r => r.Method == HttpMethod.Get && r.Path == $"/v1/agent/service/{app.ServiceId}");

        // The registrar now holds a hash-blocking read of its instance; the fake clock never moves, so no heartbeat runs.
        await agent.Client.Agent.DeregisterServiceAsync(app.ServiceId);
        var forgotten = await app.Requests.NextAsync(r => r.Method == HttpMethod.Get);
        var register = await app.Requests.NextAsync(r => r.Path == "/v1/agent/service/register");
        var pass = await app.Requests.NextAsync(r => r.Path.StartsWith("/v1/agent/check/pass/", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, forgotten.Status);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (register.Status, pass.Status));
        Assert.Equal(CheckStatus.Passing, await TtlStatusAsync(agent, app.ServiceId));
        Assert.Contains(app.RegistrarLogs(LogLevel.Information), m => m.Contains("registered it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WatchAgent_StopAsync_EndsTheHeldReadAndDeregisters()
    {
        await using var agent = await RunningAgent.StartAsync();
        await using var app = RegisteredApp.Create(agent.Client.Options.Address, Watching);
        await app.App.StartAsync();
        await app.Requests.NextAsync(r => r.Method == HttpMethod.Get);

        await app.App.StopAsync().WaitAsync(Signals.Timeout);

        Assert.Empty(await agent.Client.Agent.ServicesAsync());
    }

    [Fact]
    public async Task StopAsync_Registered_DeregistersWhileTheServerStillAnswers()
    {
        await using var agent = await RunningAgent.StartAsync();
        await using var app = RegisteredApp.Create(agent.Client.Options.Address, Web);
        await app.App.StartAsync();
        using var probe = new HttpClient();
        HttpStatusCode? healthDuringDeregister = null;
        app.Requests.BeforeSend = async request =>
        {
            if (request.Path.StartsWith("/v1/agent/service/deregister/", StringComparison.Ordinal))
            {
                using var response = await probe.GetAsync(new Uri(app.BoundAddress, "/health"));
                healthDuringDeregister = response.StatusCode;
            }
        };

        await app.App.StopAsync();

        Assert.Equal(HttpStatusCode.OK, healthDuringDeregister);
        Assert.Empty(await agent.Client.Agent.ServicesAsync());
        Assert.Empty((await agent.Client.Health.ServiceAsync("web")).Value);
        Assert.Contains(app.RegistrarLogs(LogLevel.Information), m => m.StartsWith("Deregistered", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Heartbeat_AgentDownAtStartThenUp_HostKeepsRunningAndNextTickRegisters()
    {
        var agentAddress = new IPEndPoint(IPAddress.Loopback, ClosedPort());
        await using var app = RegisteredApp.Create(new Uri($"http://{agentAddress}"), Web);

        await app.App.StartAsync();
        app.Time.Advance(Beat);
        var failedBeat = await app.Requests.NextAsync(r => r.Path.StartsWith("/v1/agent/check/pass/", StringComparison.Ordinal));
        await using var agent = AgentHost.Create(new AgentOptions { HttpAddress = agentAddress });
        await agent.StartAsync();
        app.Time.Advance(Beat);
        var register = await app.Requests.NextAsync(r => r.Path == "/v1/agent/service/register");
        var pass = await app.Requests.NextAsync(_ => true);

        Assert.Null(failedBeat.Status);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (register.Status, pass.Status));
        Assert.Contains(app.ServiceId, (await AgentServicesAsync(agent)).Keys);
        Assert.Equal(2, app.RegistrarLogs(LogLevel.Warning).Count);
        Assert.Single(app.RegistrarLogs(LogLevel.Information), m => m.StartsWith("Registered service web", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("web", 0)]
    public void AddServiceRegistration_InvalidOptions_Throws(string name, int ttlSeconds)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        Assert.ThrowsAny<ArgumentException>(
            () => services.AddServiceRegistration(new ServiceRegistrationOptions { Name = name, Ttl = TimeSpan.FromSeconds(ttlSeconds) }));
    }

    private static async Task<string> TtlStatusAsync(RunningAgent agent, string serviceId) =>
        Assert.Single((await agent.Client.Health.ServiceAsync("web")).Value).Checks!.Single(c => c.CheckId == $"service:{serviceId}:ttl").Status;

    private static async Task<IReadOnlyDictionary<string, Roster.Protocol.Agent.AgentService>> AgentServicesAsync(AgentHost agent)
    {
        using var http = new HttpClient();
        var client = new ConsulClient(http, new ConsulClientOptions { Address = new Uri($"http://{agent.HttpAddress}") });
        return await client.Agent.ServicesAsync();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("^web-127\\.0\\.0\\.1-[0-9]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex IdFormat();
}
