using System.Net;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Tests.Servers;

public class ServerPlanTests
{
    // Desired: "name=ip:port"; current: "name=ip:port/state" (ready when no state; "-" as the ip for no address).
    // Expected: "+name" added, "-name" removed, "^name" enabled, in the order the plan gives them.
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "nothing anywhere", "", "", "" },
        { "new instance", "a=10.0.0.1:80", "", "+a" },
        { "instances arrive, added by name", "c=10.0.0.3:80 a=10.0.0.1:80 b=10.0.0.2:80", "", "+a +b +c" },
        { "already there", "a=10.0.0.1:80", "a=10.0.0.1:80", "" },
        { "gone from the registry", "", "a=10.0.0.1:80", "-a" },
        { "gone while draining: removal continues", "", "a=10.0.0.1:80/drain", "-a" },
        { "gone, already in maint", "", "a=10.0.0.1:80/maint", "-a" },
        { "one replaced by another", "b=10.0.0.2:80", "a=10.0.0.1:80", "+b -a" },
        { "same name, other port: re-created, never re-pointed", "a=10.0.0.1:81", "a=10.0.0.1:80", "+a -a" },
        { "same name, other address", "a=10.0.0.2:80", "a=10.0.0.1:80/drain", "+a -a" },
        { "same name, HAProxy has no address", "a=10.0.0.1:80", "a=-:80", "+a -a" },
        { "wanted back while draining", "a=10.0.0.1:80", "a=10.0.0.1:80/drain", "^a" },
        { "wanted but left in maint (crash after add server)", "a=10.0.0.1:80", "a=10.0.0.1:80/maint", "^a" },
        { "ipv6 matches by value", "a=[::1]:80", "a=[0:0:0:0:0:0:0:1]:80", "" },
        { "mixed", "a=10.0.0.1:80 b=10.0.0.2:80 d=10.0.0.4:80", "b=10.0.0.2:80/maint c=10.0.0.3:80 d=10.0.0.9:80", "+a +d -c -d ^b" },
        { "names compare ordinally, case counts", "A=10.0.0.1:80", "a=10.0.0.1:80", "+A -a" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_Case_GivesTheChanges(string scenario, string desired, string current, string expected)
    {
        var changes = ServerPlan.Plan(Desired(desired), Current(current));

        var actual = changes.Add.Select(s => "+" + s.Name)
            .Concat(changes.Remove.Select(s => "-" + s.Name))
            .Concat(changes.Enable.Select(s => "^" + s.Name));
        Assert.True(expected == string.Join(' ', actual), $"{scenario}: expected '{expected}', got '{string.Join(' ', actual)}'");
    }

    [Fact]
    public void Plan_Remove_CarriesTheCurrentStateForTheApplier()
    {
        var changes = ServerPlan.Plan([], Current("a=10.0.0.1:80/maint b=10.0.0.2:80"));

        Assert.Equal([ServerAdminState.Maint, ServerAdminState.Ready], changes.Remove.Select(s => s.AdminState));
    }

    [Fact]
    public void Plan_NothingToDo_IsEmpty()
    {
        var changes = ServerPlan.Plan(Desired("a=10.0.0.1:80"), Current("a=10.0.0.1:80"));

        Assert.True(changes.IsEmpty);
        Assert.Same(ServerChanges.None, changes);
    }

    [Fact]
    public void Plan_DuplicateDesiredNames_Throws() =>
        Assert.Throws<ArgumentException>(() => ServerPlan.Plan(Desired("a=10.0.0.1:80 a=10.0.0.2:80"), []));

    [Fact]
    public void Plan_DuplicateCurrentNames_Throws() =>
        Assert.Throws<ArgumentException>(() => ServerPlan.Plan([], Current("a=10.0.0.1:80 a=10.0.0.2:80")));

    internal static List<BackendServer> Desired(string spec) =>
        Split(spec).Select(entry =>
        {
            var (name, endpoint) = NameAndRest(entry);
            var parsed = IPEndPoint.Parse(endpoint);
            return new BackendServer(name, parsed.Address, parsed.Port);
        }).ToList();

    internal static List<CurrentServer> Current(string spec) =>
        Split(spec).Select(entry =>
        {
            var (name, rest) = NameAndRest(entry);
            var parts = rest.Split('/');
            var state = parts.Length > 1 ? Enum.Parse<ServerAdminState>(parts[1], ignoreCase: true) : ServerAdminState.Ready;
            if (parts[0].StartsWith("-:", StringComparison.Ordinal))
            {
                return new CurrentServer(name, null, int.Parse(parts[0][2..], System.Globalization.CultureInfo.InvariantCulture), state);
            }

            var endpoint = IPEndPoint.Parse(parts[0]);
            return new CurrentServer(name, endpoint.Address, endpoint.Port, state);
        }).ToList();

    private static string[] Split(string spec) => spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static (string Name, string Value) NameAndRest(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        return (entry[..equals], entry[(equals + 1)..]);
    }
}
