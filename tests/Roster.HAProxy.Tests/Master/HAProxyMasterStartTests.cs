using System.Net;
using System.Net.Sockets;
using Roster.HAProxy.Master;
using Roster.Testing;
using Roster.Testing.Network;
using Xunit.Abstractions;

namespace Roster.HAProxy.Tests.Master;

public sealed class HAProxyMasterStartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartAsync_PortTaken_ThrowsWithHAProxysReasonAndLeavesNothingRunning()
    {
        using var run = new RunDirectory();
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        await File.WriteAllTextAsync(run.File("haproxy.cfg"), TestHAProxyConfig.Render(run.Path, port, 1, FreePort.Next()));
        await using var master = new HAProxyMaster(run.Path, run.File("admin.sock"), TimeProvider.System, new TestLogger(output));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => master.StartAsync(run.File("haproxy.cfg"), CancellationToken.None));

        Assert.Contains("cannot bind socket", error.Message, StringComparison.Ordinal);
        Assert.Null(master.Pid);
    }

    [Fact]
    public async Task ConfigCheck_UnknownKeyword_InvalidAndReasonNamesTheLine()
    {
        using var run = new RunDirectory();
        var config = TestHAProxyConfig.Render(run.Path, FreePort.Next(), 1, FreePort.Next()) + "    bogus-keyword here\n";
        await File.WriteAllTextAsync(run.File("candidate.cfg"), config);
        var line = config.Split('\n').ToList().FindIndex(l => l.Contains("bogus-keyword", StringComparison.Ordinal)) + 1;

        var result = await HAProxyConfigCheck.RunAsync(run.File("candidate.cfg"), CancellationToken.None);

        Assert.False(result.Valid);
        Assert.Contains($"[{run.File("candidate.cfg")}:{line}] : unknown keyword 'bogus-keyword'", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_MissingFile_InvalidWithReason()
    {
        using var run = new RunDirectory();

        var result = await HAProxyConfigCheck.RunAsync(run.File("nope.cfg"), CancellationToken.None);

        Assert.False(result.Valid);
        Assert.Contains("nope.cfg", result.Reason, StringComparison.Ordinal);
    }
}
