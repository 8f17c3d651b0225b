using Roster.HAProxy.Master;

namespace Roster.HAProxy.Tests.Master;

public sealed class MasterProcessListTests
{
    // Captured from HAProxy 2.6.12 right after a reload: the replaced worker is listed under "# old workers".
    private const string AfterReload =
        "#<PID>          <type>          <reloads>       <uptime>        <version>      \n" +
        "25324           master          1 [failed: 0]   0d00h00m03s     2.6.12-1+deb12u4\n" +
        "# workers\n" +
        "25476           worker          0               0d00h00m01s     2.6.12-1+deb12u4\n" +
        "# old workers\n" +
        "25327           worker          1               0d00h00m03s     2.6.12-1+deb12u4\n" +
        "# programs\n\n";

    // After one good and one refused reload (haproxy.md §1: the failed count moves, the workers do not).
    private const string AfterRefusedReload =
        "#<PID>          <type>          <reloads>       <uptime>        <version>      \n" +
        "10397           master          2 [failed: 1]   0d00h10m43s     2.6.12-1+deb12u4\n" +
        "# workers\n" +
        "16414           worker          1               0d00h00m01s     2.6.12-1+deb12u4\n" +
        "# programs\n\n";

    [Fact]
    public void Parse_AfterReload_CurrentAndOldWorkersApart()
    {
        var list = MasterProcessList.Parse(AfterReload);

        Assert.Equal((25324, 1, 0), (list.MasterPid, list.Reloads, list.FailedReloads));
        Assert.Equal([25476], list.Workers);
        Assert.Equal([25327], list.OldWorkers);
        Assert.True(list.Lists(25327));
        Assert.False(list.Lists(25324));
    }

    [Fact]
    public void Parse_AfterRefusedReload_ReadsTheFailedCount()
    {
        var list = MasterProcessList.Parse(AfterRefusedReload);

        Assert.Equal((10397, 2, 1), (list.MasterPid, list.Reloads, list.FailedReloads));
        Assert.Equal([16414], list.Workers);
        Assert.Empty(list.OldWorkers);
    }

    [Fact]
    public void Parse_TabsCarriageReturnsAndNoFailedField_StillRead()
    {
        var list = MasterProcessList.Parse("#<PID>\t<type>\r\n7\tmaster\t3\t0d\r\n# workers\r\n8\tworker\t0\t0d\r\n");

        Assert.Equal((7, 3, 0), (list.MasterPid, list.Reloads, list.FailedReloads));
        Assert.Equal([8], list.Workers);
    }

    [Theory]
    [InlineData("Unknown command.\n")]
    [InlineData("")]
    [InlineData("#<PID>          <type>          <reloads>       <uptime>        <version>      \n")]
    public void Parse_NoMasterLine_Throws(string reply) => Assert.Throws<FormatException>(() => MasterProcessList.Parse(reply));

    [Theory]
    [InlineData("Name: HAProxy\nPid: 25327\nCurrConns: 17\nStopping: 1\n", 17)]
    [InlineData("Unknown command.\n", 0)]
    public void CurrentConnections_ShowInfo_ReadsCurrConns(string info, int expected) =>
        Assert.Equal(expected, HAProxyMaster.CurrentConnections(info));
}
