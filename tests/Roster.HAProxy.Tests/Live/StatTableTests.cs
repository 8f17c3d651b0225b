using Roster.HAProxy.Live;

namespace Roster.HAProxy.Tests.Live;

public sealed class StatTableTests
{
    // The real 2.6.12 layout, shortened: the parser must go by name, so columns are also out of the usual order here.
    private const string ShowStat =
        "# pxname,svname,scur,stot,econ,status,addr,\n" +
        "fe,FRONTEND,3,100,,OPEN,,\n" +
        "be,s1,2,60,1,UP,127.0.0.1:20001,\n" +
        "be,BACKEND,2,60,1,UP,,\n\n";

    // 'show servers state BACKEND': a version line, then a space-separated table.
    private const string ServersState =
        "1\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_port\n" +
        "3 be 1 s1 127.0.0.1 2 0 20001\n" +
        "3 be 2 s2 127.0.0.1 0 1 20002\n\n";

    [Fact]
    public void Parse_ShowStat_ColumnsByHeaderName()
    {
        var table = StatTable.Parse(ShowStat, ',');

        Assert.Equal(3, table.Count);
        Assert.Equal(("be", "s1", "2", "UP", "127.0.0.1:20001"), (table[1, "pxname"], table[1, "svname"], table[1, "scur"], table[1, "status"], table[1, "addr"]));
        Assert.Equal("", table[0, "econ"]);
    }

    [Fact]
    public void Parse_ServersState_SkipsVersionLineAndReadsBySpaces()
    {
        var table = StatTable.Parse(ServersState, ' ');

        Assert.Equal(2, table.Count);
        Assert.Equal(("s2", "127.0.0.1", "20002", "1"), (table[1, "srv_name"], table[1, "srv_addr"], table[1, "srv_port"], table[1, "srv_admin_state"]));
    }

    [Fact]
    public void Indexer_UnknownColumn_Empty() => Assert.Equal("", StatTable.Parse(ShowStat, ',')[0, "no_such_column"]);

    [Fact]
    public void Parse_NoHeader_Throws() => Assert.Throws<FormatException>(() => StatTable.Parse("Permission denied\n", ','));
}
