using Roster.HAProxy.State;

namespace Roster.HAProxy.Tests.State;

/// <summary>HAProxy's view of a backend, read from <c>show stat</c> (columns found by name, as versions add columns).</summary>
public sealed class ServerStatesTests
{
    // Trimmed from HAProxy 2.6's real show stat; columns re-ordered on purpose.
    private const string ShowStat = """
        # pxname,svname,scur,status,addr,
        main,FRONTEND,3,OPEN,,
        www,www-1,2,UP,127.0.0.1:20001,
        www,www-2,0,DRAIN,127.0.0.1:20002,
        www,www-3,0,MAINT,[::1]:20003,
        www,www-4,0,UP 1/2,127.0.0.1:20004,
        www,slot5,0,MAINT (resolution),0.0.0.0:0,
        www,BACKEND,2,UP,,
        data,data-1,0,UP,127.0.0.1:30001,

        """;

    [Fact]
    public void Parse_Backend_ServersWithStateAdminAndSessions()
    {
        var servers = ServerStates.Parse(ShowStat, "www");

        Assert.Equal(
            [
                new LbServerState("www-1", null, "127.0.0.1", 20001, "UP", "READY", 2),
                new LbServerState("www-2", null, "127.0.0.1", 20002, "DRAIN", "DRAIN", 0),
                new LbServerState("www-3", null, "::1", 20003, "MAINT", "MAINT", 0),
                new LbServerState("www-4", null, "127.0.0.1", 20004, "UP 1/2", "READY", 0),
            ],
            servers);
    }

    [Fact]
    public void Parse_NoSuchBackend_Empty() => Assert.Empty(ServerStates.Parse(ShowStat, "nope"));
}
