using Microsoft.Extensions.Time.Testing;
using Roster.Agent.Blocking;
using Roster.Agent.Catalog;
using Roster.Agent.Checks;
using Roster.Protocol.Health;

namespace Roster.Agent.Tests.Catalog;

/// <summary>Small builders for catalog tests: a store on a fake clock, instances and checks with sensible defaults.</summary>
internal static class CatalogFixtures
{
    public static (CatalogStore Store, WatchHub Hub, FakeTimeProvider Time) NewStore()
    {
        var hub = new WatchHub();
        var time = new FakeTimeProvider();
        return (new CatalogStore(new IndexCounter(), hub, time), hub, time);
    }

    public static ServiceInstance Instance(string id, string name, params string[] tags) =>
        new() { Id = id, Name = name, Tags = [.. tags], Address = "127.0.0.1", Port = 20001 };

    public static CheckInstance TtlCheck(string id, TimeSpan? ttl = null, TimeSpan? deregisterAfter = null) => new()
    {
        Id = id,
        Name = "ttl",
        Status = CheckStatus.Critical,
        Spec = new CheckSpec { Ttl = ttl ?? TimeSpan.FromSeconds(10), DeregisterCriticalServiceAfter = deregisterAfter },
    };
}
