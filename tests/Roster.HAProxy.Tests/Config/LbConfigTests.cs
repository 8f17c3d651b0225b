using System.Net;
using Roster.HAProxy.Config;

namespace Roster.HAProxy.Tests.Config;

public class LbConfigTests
{
    private static readonly IPEndPoint Bind = new(IPAddress.Loopback, 8000);

    [Fact]
    public void For_RunDirectory_PutsTheSocketAndStateFileInIt()
    {
        var config = LbConfig.For("/run/roster", Bind);

        Assert.Equal("/run/roster/admin.sock", config.AdminSocketPath);
        Assert.Equal("/run/roster/server-state", config.ServerStatePath);
        Assert.Equal("www", config.BackendName);
        Assert.Equal("roundrobin", config.Balance);
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.CheckInter);
        Assert.Empty(config.Problems());
    }

    [Theory]
    [InlineData("data", "data")]
    [InlineData("my-api.v2", "my-api.v2")]
    [InlineData("my api", "my_api--")]
    public void For_ServiceName_BecomesASafeBackendName(string service, string backendPrefix) =>
        Assert.StartsWith(backendPrefix, LbConfig.For("/run/roster", Bind, service).BackendName, StringComparison.Ordinal);

    [Theory]
    [InlineData("/tmp/my run", "whitespace")]
    [InlineData("/tmp/run\n    server evil 6.6.6.6:80", "whitespace")]
    [InlineData("/tmp/run#1", "syntax")]
    [InlineData("relative/run", "absolute")]
    public void Problems_UnsafeRunDirectory_AreReported(string runDirectory, string problem)
    {
        var problems = LbConfig.For(runDirectory, Bind).Problems();

        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_SocketPathTooLongForUnix_IsReported() =>
        Assert.Contains(LbConfig.For("/" + new string('r', 120), Bind).Problems(), p => p.Contains("Unix socket", StringComparison.Ordinal));

    [Theory]
    [InlineData("static-rr")]
    [InlineData("source")]
    [InlineData("roundrobin\n    server evil 6.6.6.6:80")]
    public void Problems_BalanceThatRefusesDynamicServers_IsReported(string balance) =>
        Assert.Contains(
            (LbConfig.For("/run/roster", Bind) with { Balance = balance }).Problems(),
            p => p.StartsWith("balance must be one of", StringComparison.Ordinal));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.5)]
    [InlineData(500.5)]
    public void Problems_IntervalNotWholePositiveMilliseconds_IsReported(double milliseconds) =>
        Assert.Contains(
            (LbConfig.For("/run/roster", Bind) with { CheckInter = TimeSpan.FromMilliseconds(milliseconds) }).Problems(),
            p => p.Contains("check interval", StringComparison.Ordinal));

    [Fact]
    public void Problems_HandWrittenBackendName_IsChecked() =>
        Assert.Contains(
            (LbConfig.For("/run/roster", Bind) with { BackendName = "www\n    server evil 6.6.6.6:80" }).Problems(),
            p => p.Contains("backend name", StringComparison.Ordinal));

    [Fact]
    public void Problems_BindPortZeroOrScopedAddress_AreReported()
    {
        Assert.Contains((LbConfig.For("/run/roster", Bind) with { Bind = new IPEndPoint(IPAddress.Loopback, 0) }).Problems(),
            p => p.Contains("bind port", StringComparison.Ordinal));
        Assert.Contains((LbConfig.For("/run/roster", Bind) with { Bind = new IPEndPoint(IPAddress.Parse("fe80::1%2"), 8000) }).Problems(),
            p => p.Contains("scope", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralProblems_NamesThemAll()
    {
        var config = LbConfig.For("relative", Bind) with { Balance = "static-rr" };

        var error = Assert.Throws<InvalidOperationException>(config.Validate);

        Assert.Contains("absolute", error.Message, StringComparison.Ordinal);
        Assert.Contains("balance", error.Message, StringComparison.Ordinal);
    }
}
