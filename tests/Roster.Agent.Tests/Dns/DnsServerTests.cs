using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace Roster.Agent.Tests.Dns;

/// <summary>The DNS interface over real loopback sockets, asked by DnsClient (a resolver nobody here wrote).</summary>
public sealed class DnsServerTests : IAsyncLifetime
{
    private DnsAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await DnsAgent.StartAsync();

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Fact]
    public async Task Srv_TwoInstances_OwnTargetsWithAddressesInAdditional()
    {
        await _agent.RegisterAsync("www-1", 20001);
        await _agent.RegisterAsync("www-2", 20002);

        var response = await _agent.Client().QueryAsync("www.service.consul", QueryType.SRV);

        Assert.True(response.Header.HasAuthorityAnswer);
        var srv = response.Answers.SrvRecords().OrderBy(s => s.Port).ToList();
        Assert.Equal([20001, 20002], srv.Select(s => (int)s.Port));
        Assert.All(srv, s => Assert.Equal(0, s.TimeToLive));
        Assert.Equal(2, srv.Select(s => s.Target.Value).Distinct().Count());
        var additional = response.Additionals.ARecords().ToList();
        Assert.Equal(srv.Select(s => s.Target.Value).Order(), additional.Select(a => a.DomainName.Value).Order());
        Assert.All(additional, a => Assert.Equal(IPAddress.Loopback, a.Address));
    }

    [Fact]
    public async Task Rfc2782AndTagForms_FilterAsConsul()
    {
        await _agent.RegisterAsync("blue", 20001, null, "blue");
        await _agent.RegisterAsync("green", 20002, null, "green");

        var client = _agent.Client();
        Assert.Equal(2, (await client.QueryAsync("_www._tcp.service.consul", QueryType.SRV)).Answers.SrvRecords().Count());
        Assert.Equal(2, (await client.QueryAsync("_www._tcp.consul", QueryType.SRV)).Answers.SrvRecords().Count());
        Assert.Equal([20001], (await client.QueryAsync("_www._blue.service.consul", QueryType.SRV)).Answers.SrvRecords().Select(s => (int)s.Port));
        Assert.Equal([20002], (await client.QueryAsync("green.www.service.dc1.consul", QueryType.SRV)).Answers.SrvRecords().Select(s => (int)s.Port));
        var services = await client.ResolveServiceAsync("service.consul", "www", System.Net.Sockets.ProtocolType.Tcp);
        Assert.Equal([20001, 20002], services.Select(s => (int)s.Port).Order());
    }

    [Fact]
    public async Task A_AndNode_AnswerLoopback()
    {
        await _agent.RegisterAsync("www-1", 20001);

        var client = _agent.Client();
        Assert.Equal(IPAddress.Loopback, Assert.Single((await client.QueryAsync("www.service.consul", QueryType.A)).Answers.ARecords()).Address);
        Assert.Equal(IPAddress.Loopback, Assert.Single((await client.QueryAsync("n1.node.consul", QueryType.A)).Answers.ARecords()).Address);
        Assert.Equal(IPAddress.Loopback, Assert.Single((await client.QueryAsync("N1.NODE.DC1.CONSUL", QueryType.A)).Answers.ARecords()).Address);
    }

    [Fact]
    public async Task UnknownService_IsNxDomainWithSoa()
    {
        var response = await _agent.Client().QueryAsync("nope.service.consul", QueryType.A);

        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, response.Header.ResponseCode);
        var soa = Assert.Single(response.Authorities.SoaRecords());
        Assert.Equal("ns.consul.", soa.MName.Value);
        Assert.Equal("hostmaster.consul.", soa.RName.Value);
        Assert.Equal(0U, soa.Minimum);
    }

    [Fact]
    public async Task CriticalExcluded_WarningIncluded_AllCriticalIsNxDomain()
    {
        await _agent.RegisterAsync("warn", 20001, "warning");
        await _agent.RegisterAsync("down", 20002, "critical");

        var client = _agent.Client();
        Assert.Equal([20001], (await client.QueryAsync("www.service.consul", QueryType.SRV)).Answers.SrvRecords().Select(s => (int)s.Port));

        await _agent.FailAsync("warn");
        Assert.Equal(DnsHeaderResponseCode.NotExistentDomain, (await client.QueryAsync("www.service.consul", QueryType.SRV)).Header.ResponseCode);
    }

    [Fact]
    public async Task ManyInstances_UdpWithoutEdnsTruncated_EdnsAndTcpComplete()
    {
        for (var i = 0; i < 25; i++)
        {
            await _agent.RegisterAsync($"www-{i}", 20000 + i);
        }

        // Consul: without EDNS at most udp_answer_limit (3) answers, each target's A record kept, TC set (enable_truncate).
        var udp = await _agent.RawUdpQueryAsync("www.service.consul", 33);
        Assert.True(udp.IsTruncated);
        Assert.Equal(3, udp.AnswerRecords.Count);
        Assert.Equal(3, udp.AdditionalRecords.Count);

        var edns = await _agent.Client(edns: 4096).QueryAsync("www.service.consul", QueryType.SRV);
        Assert.False(edns.Header.ResultTruncated);
        Assert.Equal(25, edns.Answers.SrvRecords().Count());

        var tcp = await _agent.Client(tcp: true).QueryAsync("www.service.consul", QueryType.SRV);
        Assert.False(tcp.Header.ResultTruncated);
        Assert.Equal(25, tcp.Answers.SrvRecords().Count());
        Assert.Equal(25, tcp.Additionals.ARecords().Select(a => a.DomainName.Value).Distinct().Count());
    }

    [Fact]
    public async Task InstanceTarget_AnswersItsOwnARecord()
    {
        await _agent.RegisterAsync("www-1", 20001);
        var target = Assert.Single((await _agent.Client().QueryAsync("www.service.consul", QueryType.SRV)).Answers.SrvRecords()).Target;

        var response = await _agent.Client().QueryAsync(target, QueryType.A);

        Assert.Equal(IPAddress.Loopback, Assert.Single(response.Answers.ARecords()).Address);
    }
}
