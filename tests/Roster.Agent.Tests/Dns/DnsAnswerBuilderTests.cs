using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Roster.Agent.Catalog;
using Roster.Agent.Dns;
using Roster.Agent.Hosting;
using Roster.Agent.Tests.Catalog;
using Roster.Protocol.Health;

namespace Roster.Agent.Tests.Dns;

public sealed class DnsAnswerBuilderTests
{
    private static readonly AgentIdentity Identity = new("n1", "id", "dc1", "127.0.0.1");
    private readonly CatalogStore _store = CatalogFixtures.NewStore().Store;

    private DnsAnswer Ask(string name, RecordType type) =>
        new DnsAnswerBuilder(_store.Current, Identity, new Random(7)).Build(new DnsQuestion(DomainName.Parse(name), type, RecordClass.INet));

    private void Register(string id, int port, string address = "", string status = CheckStatus.Passing, params string[] tags) =>
        _store.RegisterService(
            new ServiceInstance { Id = id, Name = "www", Port = port, Address = address, Tags = [.. tags], Weights = new ServiceWeights(10, 3) },
            [new CheckInstance { Id = "check:" + id, Name = "c", Status = status }],
            replaceExistingChecks: true);

    [Fact]
    public void Srv_InstancesOnOneIp_EachGetsItsOwnTargetWithItsARecordInAdditional()
    {
        Register("www-1", 20001);
        Register("www-2", 20002);

        var answer = Ask("www.service.consul", RecordType.Srv);

        var srv = answer.Answers.Cast<SrvRecord>().OrderBy(s => s.Port).ToList();
        Assert.Equal([20001, 20002], srv.Select(s => (int)s.Port));
        Assert.All(srv, s => Assert.Equal(0, s.TimeToLive));
        Assert.All(srv, s => Assert.Equal(1, s.Priority));
        Assert.Equal(2, srv.Select(s => s.Target).Distinct().Count());
        Assert.Equal(DomainName.Parse($"{InstanceTarget.Label("www-1")}.n1.node.dc1.consul"), srv[0].Target);
        var additional = answer.Additional.Cast<ARecord>().ToList();
        Assert.Equal(srv.Select(s => s.Target).ToHashSet(), additional.Select(a => a.Name).ToHashSet());
        Assert.All(additional, a => Assert.Equal(IPAddress.Loopback, a.Address));
    }

    [Fact]
    public void Srv_WarningInstance_KeptWithWarningWeight_CriticalOneLeftOut()
    {
        Register("ok", 20001);
        Register("warn", 20002, status: CheckStatus.Warning);
        Register("down", 20003, status: CheckStatus.Critical);

        var srv = Ask("www.service.consul", RecordType.Srv).Answers.Cast<SrvRecord>().ToDictionary(s => (int)s.Port);

        Assert.Equal(10, srv[20001].Weight);
        Assert.Equal(3, srv[20002].Weight);
        Assert.False(srv.ContainsKey(20003));
    }

    [Fact]
    public void A_ServiceInMaintenance_IsLeftOut_AndAllCriticalIsNameError()
    {
        Register("www-1", 20001);
        _store.RegisterCheck(new CheckInstance { Id = CatalogStore.ServiceMaintenancePrefix + "www-1", Name = "m", ServiceId = "www-1", ServiceName = "www", Status = CheckStatus.Critical });

        Assert.Equal(ReturnCode.NxDomain, Ask("www.service.consul", RecordType.A).Code);
    }

    [Fact]
    public void A_InstancesOnOneIp_OneRecordNamedAsTheQuestion()
    {
        Register("www-1", 20001);
        Register("www-2", 20002);
        Register("www-3", 20003, address: "10.1.2.3");

        var answer = Ask("WWW.service.consul", RecordType.A);

        Assert.Equal(ReturnCode.NoError, answer.Code);
        Assert.Equal(["10.1.2.3", "127.0.0.1"], answer.Answers.Cast<ARecord>().Select(a => a.Address.ToString()).Order());
        Assert.All(answer.Answers, a => Assert.Equal(DomainName.Parse("www.service.consul"), a.Name));
    }

    [Fact]
    public void Aaaa_Ipv4OnlyService_IsEmptyNoErrorWithSoa()
    {
        Register("www-1", 20001);

        var answer = Ask("www.service.consul", RecordType.Aaaa);

        Assert.Equal(ReturnCode.NoError, answer.Code);
        Assert.Empty(answer.Answers);
        Assert.True(answer.NeedsSoa);
    }

    [Fact]
    public void Tag_FiltersCaseInsensitively_InBothForms()
    {
        Register("blue", 20001, tags: "Blue");
        Register("green", 20002, tags: "green");

        Assert.Equal([20001], Ask("blue.www.service.consul", RecordType.Srv).Answers.Cast<SrvRecord>().Select(s => (int)s.Port));
        Assert.Equal([20001], Ask("_www._blue.service.consul", RecordType.Srv).Answers.Cast<SrvRecord>().Select(s => (int)s.Port));
        Assert.Equal(2, Ask("_www._tcp.service.consul", RecordType.Srv).Answers.Count);
    }

    [Fact]
    public void UnknownServiceOrOtherDatacenter_IsNameError()
    {
        Register("www-1", 20001);

        Assert.Equal(ReturnCode.NxDomain, Ask("nope.service.consul", RecordType.A).Code);
        Assert.Equal(ReturnCode.NxDomain, Ask("www.service.dc2.consul", RecordType.A).Code);
        Assert.Equal(ReturnCode.NoError, Ask("www.service.DC1.consul", RecordType.A).Code);
    }

    [Fact]
    public void Node_AndInstanceTarget_AnswerTheirAddresses()
    {
        Register("www-1", 20001, address: "10.1.2.3");
        var target = Ask("www.service.consul", RecordType.Srv).Answers.Cast<SrvRecord>().Single().Target;

        Assert.Equal(IPAddress.Loopback, Ask("N1.node.consul", RecordType.A).Answers.Cast<ARecord>().Single().Address);
        Assert.Equal(IPAddress.Parse("10.1.2.3"), Ask(target.ToString(), RecordType.A).Answers.Cast<ARecord>().Single().Address);
        Assert.Equal(ReturnCode.NxDomain, Ask("other.node.consul", RecordType.A).Code);
        Assert.Equal(ReturnCode.NxDomain, Ask("0123456789abcdef.n1.node.consul", RecordType.A).Code);
    }

    [Fact]
    public void OutsideTheDomain_IsRefused()
    {
        Assert.Equal(ReturnCode.Refused, Ask("www.example.com", RecordType.A).Code);
    }

    [Fact]
    public void Srv_HostNameAddress_IsTheTargetItself()
    {
        Register("www-1", 20001, address: "web.example.com");

        var srv = Ask("www.service.consul", RecordType.Srv).Answers.Cast<SrvRecord>().Single();

        Assert.Equal(DomainName.Parse("web.example.com"), srv.Target);
        Assert.IsType<CNameRecord>(Assert.Single(Ask("www.service.consul", RecordType.A).Answers));
    }
}
