using System.Text.Json;
using Roster.Protocol.Catalog;
using Roster.Protocol.Json;

namespace Roster.Protocol.Tests.Catalog;

public sealed class CatalogResponseTests
{
    internal static Node DevNode => new()
    {
        Id = "0c2e6a30-8c1c-4b5e-9d6f-2f7c8a1b3d4e",
        Name = "n1",
        Address = "127.0.0.1",
        Datacenter = "dc1",
        TaggedAddresses = new Dictionary<string, string>
        {
            ["lan"] = "127.0.0.1",
            ["lan_ipv4"] = "127.0.0.1",
            ["wan"] = "127.0.0.1",
            ["wan_ipv4"] = "127.0.0.1",
        },
        Meta = new Dictionary<string, string> { ["consul-network-segment"] = "" },
        CreateIndex = 5,
        ModifyIndex = 7,
    };

    internal static string DevNodeJson =>
        "{\"ID\":\"0c2e6a30-8c1c-4b5e-9d6f-2f7c8a1b3d4e\",\"Node\":\"n1\",\"Address\":\"127.0.0.1\",\"Datacenter\":\"dc1\"," +
        "\"TaggedAddresses\":{\"lan\":\"127.0.0.1\",\"lan_ipv4\":\"127.0.0.1\",\"wan\":\"127.0.0.1\",\"wan_ipv4\":\"127.0.0.1\"}," +
        "\"Meta\":{\"consul-network-segment\":\"\"},\"CreateIndex\":5,\"ModifyIndex\":7}";

    internal static NodeService Www1 => new()
    {
        Id = "www-1",
        Service = "www",
        Address = "10.0.0.5",
        TaggedAddresses = new Dictionary<string, ServiceAddress>
        {
            ["lan_ipv4"] = new() { Address = "10.0.0.5", Port = 20001 },
            ["wan_ipv4"] = new() { Address = "10.0.0.5", Port = 20001 },
        },
        Port = 20001,
        CreateIndex = 20,
        ModifyIndex = 20,
    };

    internal static string Www1Json =>
        "{\"ID\":\"www-1\",\"Service\":\"www\",\"Tags\":[],\"Address\":\"10.0.0.5\"," +
        "\"TaggedAddresses\":{\"lan_ipv4\":{\"Address\":\"10.0.0.5\",\"Port\":20001},\"wan_ipv4\":{\"Address\":\"10.0.0.5\",\"Port\":20001}}," +
        "\"Meta\":{},\"Port\":20001,\"Weights\":{\"Passing\":1,\"Warning\":1},\"EnableTagOverride\":false," +
        "\"Proxy\":{\"Mode\":\"\",\"MeshGateway\":{},\"Expose\":{}},\"Connect\":{},\"CreateIndex\":20,\"ModifyIndex\":20}";

    [Fact]
    public void Serialize_Node_MatchesConsul()
    {
        Assert.Equal(DevNodeJson, Serialize(DevNode));
    }

    [Fact]
    public void Serialize_NodeService_MatchesConsulSample()
    {
        Assert.Equal(Www1Json, Serialize(Www1));
    }

    [Fact]
    public void Serialize_NodeServiceWithoutPortAndTaggedAddresses_OmitsThemAsConsul()
    {
        Assert.Equal(
            "{\"ID\":\"consul\",\"Service\":\"consul\",\"Tags\":[],\"Address\":\"\",\"Meta\":null," +
            "\"Weights\":{\"Passing\":1,\"Warning\":1},\"EnableTagOverride\":false,\"Proxy\":{\"Mode\":\"\",\"MeshGateway\":{},\"Expose\":{}}," +
            "\"Connect\":{},\"CreateIndex\":0,\"ModifyIndex\":0}",
            Serialize(new NodeService { Id = "consul", Service = "consul", Meta = null }));
    }

    [Fact]
    public void Serialize_ServiceNode_MatchesConsul()
    {
        var serviceNode = new ServiceNode
        {
            Id = DevNode.Id,
            Node = "n1",
            Address = "127.0.0.1",
            Datacenter = "dc1",
            TaggedAddresses = DevNode.TaggedAddresses,
            NodeMeta = DevNode.Meta,
            ServiceId = "web-1",
            ServiceName = "web",
            ServiceTags = ["v1"],
            ServicePort = 8080,
            CreateIndex = 10,
            ModifyIndex = 11,
        };

        Assert.Equal(
            "{\"ID\":\"0c2e6a30-8c1c-4b5e-9d6f-2f7c8a1b3d4e\",\"Node\":\"n1\",\"Address\":\"127.0.0.1\",\"Datacenter\":\"dc1\"," +
            "\"TaggedAddresses\":{\"lan\":\"127.0.0.1\",\"lan_ipv4\":\"127.0.0.1\",\"wan\":\"127.0.0.1\",\"wan_ipv4\":\"127.0.0.1\"}," +
            "\"NodeMeta\":{\"consul-network-segment\":\"\"},\"ServiceKind\":\"\",\"ServiceID\":\"web-1\",\"ServiceName\":\"web\"," +
            "\"ServiceTags\":[\"v1\"],\"ServiceAddress\":\"\",\"ServiceWeights\":{\"Passing\":1,\"Warning\":1},\"ServiceMeta\":{}," +
            "\"ServicePort\":8080,\"ServiceSocketPath\":\"\",\"ServiceEnableTagOverride\":false," +
            "\"ServiceProxy\":{\"Mode\":\"\",\"MeshGateway\":{},\"Expose\":{}},\"ServiceConnect\":{},\"CreateIndex\":10,\"ModifyIndex\":11}",
            Serialize(serviceNode));
    }

    [Fact]
    public void Serialize_CatalogNode_MatchesConsul()
    {
        var catalogNode = new CatalogNode
        {
            Node = DevNode,
            Services = new Dictionary<string, NodeService> { ["www-1"] = Www1 },
        };

        Assert.Equal("{\"Node\":" + DevNodeJson + ",\"Services\":{\"www-1\":" + Www1Json + "}}", Serialize(catalogNode));
    }

    [Fact]
    public void Serialize_WeightsAndServiceAddress_MatchConsul()
    {
        Assert.Equal("{\"Passing\":1,\"Warning\":1}", Serialize(Weights.Default));
        Assert.Equal("{\"Address\":\"10.0.0.5\",\"Port\":20001}", Serialize(new ServiceAddress { Address = "10.0.0.5", Port = 20001 }));
    }

    [Fact]
    public void Deserialize_ConsulHealthServiceNode_RoundTrips()
    {
        Assert.Equal(Www1Json, Serialize(JsonSerializer.Deserialize<NodeService>(Www1Json, ConsulJson.ResponseOptions)));
        Assert.Equal(DevNodeJson, Serialize(JsonSerializer.Deserialize<Node>(DevNodeJson, ConsulJson.ResponseOptions)));
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ConsulJson.ResponseOptions);
}
