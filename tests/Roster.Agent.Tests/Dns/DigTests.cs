namespace Roster.Agent.Tests.Dns;

/// <summary>The DNS interface as <c>dig</c> sees it, the way a user checks it by hand.</summary>
public sealed class DigTests : IAsyncLifetime
{
    private DnsAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await DnsAgent.StartAsync();

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Fact]
    public async Task Srv_Short_OneLinePerInstanceWithItsOwnTarget()
    {
        await _agent.RegisterAsync("www-1", 20001);
        await _agent.RegisterAsync("www-2", 20002);

        var lines = await Dig.RunAsync(_agent.Dns, "www.service.consul", "SRV", "+short");

        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^1 1 2000[12] [0-9a-f]{16}\.n1\.node\.dc1\.consul\.$", l));
        Assert.Equal(2, lines.Select(l => l.Split(' ')[3]).Distinct().Count());
    }

    [Fact]
    public async Task Srv_Full_AuthoritativeWithAdditionalARecords()
    {
        await _agent.RegisterAsync("www-1", 20001);

        var output = string.Join('\n', await Dig.RunAsync(_agent.Dns, "_www._tcp.service.consul", "SRV"));

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Matches(@"flags: qr aa rd;", output);
        Assert.Matches(@"ADDITIONAL SECTION:\n[0-9a-f]{16}\.n1\.node\.dc1\.consul\.\s+0\s+IN\s+A\s+127\.0\.0\.1", output);
    }

    [Fact]
    public async Task A_NodeAndNxDomain()
    {
        await _agent.RegisterAsync("www-1", 20001);

        Assert.Equal(["127.0.0.1"], await Dig.RunAsync(_agent.Dns, "www.service.consul", "A", "+short"));
        Assert.Equal(["127.0.0.1"], await Dig.RunAsync(_agent.Dns, "n1.node.dc1.consul", "A", "+short"));
        var missing = string.Join('\n', await Dig.RunAsync(_agent.Dns, "nope.service.consul", "A"));
        Assert.Contains("status: NXDOMAIN", missing, StringComparison.Ordinal);
        Assert.Matches(@"consul\.\s+0\s+IN\s+SOA\s+ns\.consul\. hostmaster\.consul\.", missing);
    }

    [Fact]
    public async Task ManyInstances_NoEdnsUdpTruncates_DigRetriesOverTcpAndGetsAll()
    {
        for (var i = 0; i < 25; i++)
        {
            await _agent.RegisterAsync($"www-{i}", 20000 + i);
        }

        var truncated = string.Join('\n', await Dig.RunAsync(_agent.Dns, "www.service.consul", "SRV", "+noedns", "+ignore"));
        Assert.Matches(@"flags: qr aa tc rd;", truncated);
        Assert.Contains("ANSWER: 3,", truncated, StringComparison.Ordinal);

        Assert.Equal(25, (await Dig.RunAsync(_agent.Dns, "www.service.consul", "SRV", "+noedns", "+short")).Length);
        Assert.Equal(25, (await Dig.RunAsync(_agent.Dns, "www.service.consul", "SRV", "+tcp", "+short")).Length);
    }
}
