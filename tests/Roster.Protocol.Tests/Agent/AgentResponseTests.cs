using System.Text.Json;
using Roster.Protocol.Agent;
using Roster.Protocol.Catalog;
using Roster.Protocol.Health;
using Roster.Protocol.Json;

namespace Roster.Protocol.Tests.Agent;

public sealed class AgentResponseTests
{
    [Fact]
    public void Serialize_AgentServiceWithDefaults_MatchesConsul()
    {
        // §6.2 item 8: Tags [] and Meta {} never null, default weights, Datacenter last.
        var service = new AgentService { Id = "web", Service = "web", Port = 80, Datacenter = "dc1" };

        Assert.Equal(
            "{\"ID\":\"web\",\"Service\":\"web\",\"Tags\":[],\"Meta\":{},\"Port\":80,\"Address\":\"\"," +
            "\"Weights\":{\"Passing\":1,\"Warning\":1},\"EnableTagOverride\":false,\"Datacenter\":\"dc1\"}",
            Serialize(service));
    }

    [Fact]
    public void Serialize_AgentServiceWithTaggedAddressesAndHash_MatchesConsul()
    {
        var service = new AgentService
        {
            Id = "web-1",
            Service = "web",
            Tags = ["v1"],
            Meta = new Dictionary<string, string> { ["env"] = "prod" },
            Port = 8080,
            Address = "10.1.2.3",
            TaggedAddresses = new Dictionary<string, ServiceAddress>
            {
                ["lan_ipv4"] = new() { Address = "10.1.2.3", Port = 8080 },
                ["wan_ipv4"] = new() { Address = "10.1.2.3", Port = 8080 },
            },
            ContentHash = "6d1c3c1f0a1e2b3c",
            Datacenter = "dc1",
        };

        Assert.Equal(
            "{\"ID\":\"web-1\",\"Service\":\"web\",\"Tags\":[\"v1\"],\"Meta\":{\"env\":\"prod\"},\"Port\":8080,\"Address\":\"10.1.2.3\"," +
            "\"TaggedAddresses\":{\"lan_ipv4\":{\"Address\":\"10.1.2.3\",\"Port\":8080},\"wan_ipv4\":{\"Address\":\"10.1.2.3\",\"Port\":8080}}," +
            "\"Weights\":{\"Passing\":1,\"Warning\":1},\"EnableTagOverride\":false,\"ContentHash\":\"6d1c3c1f0a1e2b3c\",\"Datacenter\":\"dc1\"}",
            Serialize(service));
    }

    [Fact]
    public void Serialize_AgentSelf_MatchesConsulShape()
    {
        var self = new AgentSelf
        {
            Config = new AgentConfig
            {
                Datacenter = "dc1",
                PrimaryDatacenter = "dc1",
                NodeName = "n1",
                NodeId = "0c2e6a30-8c1c-4b5e-9d6f-2f7c8a1b3d4e",
                Revision = "roster",
                Server = true,
                Version = "1.16.0",
                BuildDate = "2024-01-01T00:00:00Z",
            },
            Member = new AgentMember { Name = "n1", Addr = "127.0.0.1", Port = 8301, Status = 1 },
        };

        Assert.Equal(
            "{\"Config\":{\"Datacenter\":\"dc1\",\"PrimaryDatacenter\":\"dc1\",\"NodeName\":\"n1\"," +
            "\"NodeID\":\"0c2e6a30-8c1c-4b5e-9d6f-2f7c8a1b3d4e\",\"Revision\":\"roster\",\"Server\":true,\"Version\":\"1.16.0\"," +
            "\"BuildDate\":\"2024-01-01T00:00:00Z\"},\"DebugConfig\":{}," +
            "\"Coord\":{\"Vec\":[0,0,0,0,0,0,0,0],\"Error\":1.5,\"Adjustment\":0,\"Height\":1E-05}," +
            "\"Member\":{\"Name\":\"n1\",\"Addr\":\"127.0.0.1\",\"Port\":8301,\"Tags\":{},\"Status\":1,\"ProtocolMin\":0,\"ProtocolMax\":0," +
            "\"ProtocolCur\":0,\"DelegateMin\":0,\"DelegateMax\":0,\"DelegateCur\":0},\"Stats\":{},\"Meta\":{}}",
            Serialize(self));
    }

    [Fact]
    public void Serialize_AgentMember_MatchesConsul()
    {
        var member = new AgentMember
        {
            Name = "n1",
            Addr = "127.0.0.1",
            Port = 8301,
            Tags = new Dictionary<string, string> { ["role"] = "consul", ["dc"] = "dc1", ["port"] = "8300" },
            Status = 1,
            ProtocolMin = 1,
            ProtocolMax = 5,
            ProtocolCur = 2,
            DelegateMin = 2,
            DelegateMax = 5,
            DelegateCur = 4,
        };

        Assert.Equal(
            "{\"Name\":\"n1\",\"Addr\":\"127.0.0.1\",\"Port\":8301,\"Tags\":{\"role\":\"consul\",\"dc\":\"dc1\",\"port\":\"8300\"}," +
            "\"Status\":1,\"ProtocolMin\":1,\"ProtocolMax\":5,\"ProtocolCur\":2,\"DelegateMin\":2,\"DelegateMax\":5,\"DelegateCur\":4}",
            Serialize(member));
    }

    [Fact]
    public void Serialize_AgentServiceChecksInfo_MatchesConsul()
    {
        var info = new AgentServiceChecksInfo
        {
            AggregatedStatus = CheckStatus.Passing,
            Service = new AgentService { Id = "web", Service = "web", Datacenter = "dc1" },
        };

        Assert.Equal(
            "{\"AggregatedStatus\":\"passing\",\"Service\":{\"ID\":\"web\",\"Service\":\"web\",\"Tags\":[],\"Meta\":{},\"Port\":0," +
            "\"Address\":\"\",\"Weights\":{\"Passing\":1,\"Warning\":1},\"EnableTagOverride\":false,\"Datacenter\":\"dc1\"},\"Checks\":[]}",
            Serialize(info));
    }

    [Fact]
    public void Deserialize_ConsulAgentServices_ReadsWithResponseOptions()
    {
        // What a client (Roster.Client) reads from a real Consul: unknown keys ignored, any key case.
        var services = JsonSerializer.Deserialize<Dictionary<string, AgentService>>(
            "{\"web\":{\"ID\":\"web\",\"Service\":\"web\",\"Tags\":null,\"Meta\":null,\"Port\":80,\"Address\":\"\"," +
            "\"SocketPath\":\"\",\"Weights\":{\"Passing\":1,\"Warning\":1},\"EnableTagOverride\":false,\"Datacenter\":\"dc1\",\"PeerName\":\"\"}}",
            ConsulJson.ResponseOptions)!;

        Assert.Equal(("web", 80, "dc1"), (services["web"].Id, services["web"].Port, services["web"].Datacenter));
        Assert.Null(services["web"].Tags);
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ConsulJson.ResponseOptions);
}
