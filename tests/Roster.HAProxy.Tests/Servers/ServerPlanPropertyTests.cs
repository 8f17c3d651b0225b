using System.Net;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Tests.Servers;

/// <summary>
/// Random registries against random HAProxy states, from a fixed seed so a failure replays. Applying the plan the way
/// the Runtime API would must leave exactly the desired servers, all ready, and a second plan must be empty.
/// </summary>
public class ServerPlanPropertyTests
{
    private const int Seed = 20260611;

    // Few names, addresses and ports so that collisions (same name, other endpoint) come up often.
    private static readonly string[] Ids = ["www-1", "www-2", "www-3", "www-4", "web/5", "web 6", "www-7", "é-8", "www-9", "www-10"];
    private static readonly IPAddress[] Addresses = [IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2"), IPAddress.IPv6Loopback];
    private static readonly int[] Ports = [80, 8080];

    [Fact]
    public void Plan_AppliedToRandomStates_ReachesTheDesiredServersAndThenNothing()
    {
        var random = new Random(Seed);
        for (var round = 0; round < 2000; round++)
        {
            var desired = RandomDesired(random);
            var current = RandomCurrent(random, desired);

            var changes = ServerPlan.Plan(desired, current);
            var after = Apply(current, changes);

            var expected = desired.Select(d => (d.Name, (IPAddress?)d.Address, d.Port, ServerAdminState.Ready)).OrderBy(s => s.Name, StringComparer.Ordinal);
            var actual = after.Select(c => (c.Name, c.Address, c.Port, c.AdminState)).OrderBy(s => s.Name, StringComparer.Ordinal);
            Assert.Equal(expected, actual);
            Assert.True(ServerPlan.Plan(desired, after).IsEmpty, $"round {round}: a second plan was not empty");
        }
    }

    [Fact]
    public void Plan_InputsInAnyOrder_GiveTheSameChanges()
    {
        var random = new Random(Seed);
        for (var round = 0; round < 500; round++)
        {
            var desired = RandomDesired(random);
            var current = RandomCurrent(random, desired);

            var changes = ServerPlan.Plan(desired, current);
            var shuffled = ServerPlan.Plan(Shuffle(random, desired), Shuffle(random, current));

            Assert.Equal(changes.Add, shuffled.Add);
            Assert.Equal(changes.Remove, shuffled.Remove);
            Assert.Equal(changes.Enable, shuffled.Enable);
        }
    }

    [Fact]
    public void Plan_NeverTouchesAReadyServerThatMatches()
    {
        var random = new Random(Seed);
        for (var round = 0; round < 500; round++)
        {
            var desired = RandomDesired(random);
            var current = RandomCurrent(random, desired);

            var changes = ServerPlan.Plan(desired, current);

            var untouchable = current.Where(c => c.AdminState == ServerAdminState.Ready
                && desired.Any(d => d.Name == c.Name && d.Address.Equals(c.Address) && d.Port == c.Port)).Select(c => c.Name);
            var touched = changes.Add.Select(s => s.Name).Concat(changes.Remove.Select(s => s.Name)).Concat(changes.Enable.Select(s => s.Name));
            Assert.Empty(untouchable.Intersect(touched));
        }
    }

    // What the applier does: remove first (a name in both lists must be gone before it is added again), then add
    // and enable; a server it adds ends up ready.
    private static List<CurrentServer> Apply(List<CurrentServer> current, ServerChanges changes)
    {
        var removed = changes.Remove.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var enabled = changes.Enable.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var after = current
            .Where(c => !removed.Contains(c.Name))
            .Select(c => enabled.Contains(c.Name) ? c with { AdminState = ServerAdminState.Ready } : c)
            .ToList();
        foreach (var server in changes.Add)
        {
            Assert.DoesNotContain(after, c => c.Name == server.Name);
            after.Add(new CurrentServer(server.Name, server.Address, server.Port, ServerAdminState.Ready));
        }

        return after;
    }

    private static List<BackendServer> RandomDesired(Random random) =>
        Ids.Where(_ => random.Next(2) == 0)
            .Select(id => new BackendServer(id, Pick(random, Addresses), Pick(random, Ports)))
            .ToList();

    // HAProxy's side: some of the desired servers (as they are, or moved, in any state), plus strangers.
    private static List<CurrentServer> RandomCurrent(Random random, List<BackendServer> desired)
    {
        var current = new List<CurrentServer>();
        foreach (var id in Ids)
        {
            var name = HAProxyName.From(id);
            var wanted = desired.FirstOrDefault(d => d.Name == name);
            var state = Pick(random, Enum.GetValues<ServerAdminState>());
            switch (random.Next(4))
            {
                case 0:
                    break;
                case 1 when wanted is not null:
                    current.Add(new CurrentServer(name, wanted.Address, wanted.Port, state));
                    break;
                default:
                    var address = random.Next(8) == 0 ? null : Pick(random, Addresses);
                    current.Add(new CurrentServer(name, address, Pick(random, Ports), state));
                    break;
            }
        }

        return current;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<T> Shuffle<T>(Random random, List<T> items)
    {
        var copy = items.ToArray();
        random.Shuffle(copy);
        return [.. copy];
    }
}
