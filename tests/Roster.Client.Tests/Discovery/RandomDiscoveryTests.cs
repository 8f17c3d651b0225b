using Microsoft.Extensions.DependencyInjection;
using Roster.Client.Discovery;
using Roster.Client.Tests.Integration;
using Roster.Protocol.Agent;

namespace Roster.Client.Tests.Discovery;

/// <summary>`http://data` through the registry: random choice over passing instances, pushed changes, failover on a refused connect.</summary>
public sealed class RandomDiscoveryTests : IAsyncLifetime
{
    private RunningAgent _agent = null!;
    private NamedBackend _a = null!;
    private NamedBackend _b = null!;
    private ServiceProvider _services = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _agent = await RunningAgent.StartAsync();
        _a = await NamedBackend.StartAsync("a");
        _b = await NamedBackend.StartAsync("b");
        await RegisterAsync(_a);
        await RegisterAsync(_b);
        var services = new ServiceCollection();
        services.AddConsulServiceDiscovery(_agent.Client.Options);
        services.AddHttpClient("data", c => c.BaseAddress = new Uri("http://data")).AddRandomInstances();
        _services = services.BuildServiceProvider();
        _http = _services.GetRequiredService<IHttpClientFactory>().CreateClient("data");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _services.DisposeAsync();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _agent.DisposeAsync();
    }

    [Fact]
    public async Task Get_TwoPassingInstances_SpreadsRandomlyOverBoth()
    {
        var served = await GetManyAsync(400);

        Assert.InRange(served.Count(s => s == "a"), 100, 300);
        Assert.InRange(served.Count(s => s == "b"), 100, 300);
        // Random, not round robin: somewhere the same instance serves twice in a row.
        Assert.Contains(served.Zip(served.Skip(1)), pair => pair.First == pair.Second);
    }

    [Fact]
    public async Task Get_InstanceDeregistered_StopsGoingThereOnceTheRegistryTellsIt()
    {
        await GetManyAsync(10);

        await _agent.Client.Agent.DeregisterServiceAsync(IdOf(_b));

        await EventuallyOnlyAsync("a");
    }

    [Fact]
    public async Task Get_InstanceStoppedButStillRegistered_NoRequestFails()
    {
        await GetManyAsync(10);

        await _b.DisposeAsync();

        // Every request still answers: a refused connect moves the request to the other instance.
        Assert.All(await GetManyAsync(100), s => Assert.Equal("a", s));
    }

    private async Task<List<string>> GetManyAsync(int count)
    {
        List<string> served = [];
        for (var i = 0; i < count; i++)
        {
            served.Add(await _http.GetStringAsync(new Uri("/", UriKind.Relative)));
        }

        return served;
    }

    private async Task EventuallyOnlyAsync(string name)
    {
        // The change reaches the client through a blocking query: poll the observable outcome, bounded.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((await GetManyAsync(20)).All(s => s == name))
            {
                return;
            }
        }

        Assert.Fail($"requests kept reaching instances other than {name}");
    }

    private Task RegisterAsync(NamedBackend backend) => _agent.Client.Agent.RegisterServiceAsync(new ServiceDefinition
    {
        Name = "data",
        Id = IdOf(backend),
        Address = "127.0.0.1",
        Port = backend.Port,
        Check = new CheckType { Ttl = TimeSpan.FromMinutes(10), Status = "passing" },
    });

    private static string IdOf(NamedBackend backend) => $"data-{backend.Name}";
}
