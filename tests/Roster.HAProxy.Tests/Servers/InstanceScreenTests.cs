using System.Net;
using Roster.HAProxy.Servers;
using Roster.Protocol.Catalog;
using Roster.Protocol.Health;

namespace Roster.HAProxy.Tests.Servers;

public class InstanceScreenTests
{
    // Each of these is something a real Consul stores without complaint.
    public static TheoryData<string, string> HostileIds => new()
    {
        { "www-1\n    server evil 6.6.6.6:80", "whitespace (U+000A)" },
        { "www-1\r", "whitespace (U+000D)" },
        { "www\t1", "whitespace (U+0009)" },
        { "www 1", "whitespace (U+0020)" },
        { "www\u00A01", "whitespace (U+00A0)" },
        { "www\u20281", "whitespace (U+2028)" },
        { "www\u30001", "whitespace (U+3000)" },
        { "www\u200B1", "format character (U+200B)" },
        { "www\u00001", "control character (U+0000)" },
        { "www\u001B1", "control character (U+001B)" },
        { "www\u00851", "whitespace (U+0085)" },
        { "www-1#comment", "(U+0023)" },
        { "www'1", "(U+0027)" },
        { "www\"1", "(U+0022)" },
        { "www`1", "(U+0060)" },
        { "www\\n1", "(U+005C)" },
        { "www{1}", "(U+007B)" },
        { "www}1", "(U+007D)" },
    };

    [Theory]
    [MemberData(nameof(HostileIds))]
    public void Screen_HostileId_IsRefusedWithAReason(string id, string because)
    {
        var result = InstanceScreen.Screen([Instances.Www(id)]);

        Assert.Empty(result.Servers);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal(id, refusal.InstanceId);
        Assert.Contains("instance ID", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains(because, refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_IdWithAnUnpairedSurrogate_IsRefused()
    {
        // A Fact, not a theory row: xUnit's data serialization turns a lone surrogate into U+FFFD.
        var result = InstanceScreen.Screen([Instances.Www("www\uD8001")]);

        Assert.Contains("unpaired surrogate (U+D800)", Assert.Single(result.Refusals).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_IdWithAPairedSurrogate_IsAcceptedAndMapped()
    {
        var server = Assert.Single(InstanceScreen.Screen([Instances.Www("www-\U0001F600")]).Servers);

        Assert.StartsWith("www-__--", server.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_TagThatWouldAddAServer_IsRefused()
    {
        var result = InstanceScreen.Screen([Instances.Www("www-1", tags: ["ok", "x\n    server evil 6.6.6.6:80"])]);

        Assert.Empty(result.Servers);
        Assert.Contains("tag 2", Assert.Single(result.Refusals).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("service name", "www\n", "node-1", "127.0.0.1")]
    [InlineData("node name", "www", "node#1", "127.0.0.1")]
    [InlineData("address", "www", "node-1", "127.0.0.1\n    server evil 6.6.6.6:80")]
    [InlineData("address", "www", "node-1", "127.0.0.1 backup")]
    public void Screen_HostileField_IsRefused(string field, string service, string node, string address)
    {
        var result = InstanceScreen.Screen([Instances.Www("www-1", address: address, nodeName: node, service: service)]);

        Assert.Empty(result.Servers);
        Assert.StartsWith($"the {field} contains", Assert.Single(result.Refusals).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web.example.com")]
    [InlineData("127.1")]
    [InlineData("0.0.0.0")]
    public void Screen_AddressThatIsNotAUsableIp_IsRefused(string address)
    {
        var result = InstanceScreen.Screen([Instances.Www("www-1", address: address)]);

        Assert.Empty(result.Servers);
        Assert.Contains("address", Assert.Single(result.Refusals).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Screen_PortOutOfRange_IsRefused(int port)
    {
        var result = InstanceScreen.Screen([Instances.Www("www-1", port: port)]);

        Assert.Contains("port", Assert.Single(result.Refusals).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_NoServiceAddress_UsesTheNodeAddressAsConsulDoes()
    {
        var server = Assert.Single(InstanceScreen.Screen([Instances.Www("www-1", address: "", nodeAddress: "10.1.2.3")]).Servers);

        Assert.Equal(IPAddress.Parse("10.1.2.3"), server.Address);
    }

    [Fact]
    public void Screen_ServiceAddress_WinsOverTheNodeAddress()
    {
        var server = Assert.Single(InstanceScreen.Screen([Instances.Www("www-1", address: "::1", nodeAddress: "10.1.2.3")]).Servers);

        Assert.Equal(IPAddress.IPv6Loopback, server.Address);
    }

    [Fact]
    public void Screen_NoAddressAnywhere_IsRefused() =>
        Assert.Contains("address", Assert.Single(InstanceScreen.Screen([Instances.Www("w", address: "", nodeAddress: "")]).Refusals).Reason, StringComparison.Ordinal);

    [Fact]
    public void Screen_EmptyId_IsRefused() =>
        Assert.Contains("no ID", Assert.Single(InstanceScreen.Screen([Instances.Www("")]).Refusals).Reason, StringComparison.Ordinal);

    [Fact]
    public void Screen_NullTags_AreNoTags()
    {
        var instance = Instances.Www("www-1");
        instance = instance with { Service = instance.Service with { Tags = null } };

        Assert.Single(InstanceScreen.Screen([instance]).Servers);
    }

    [Fact]
    public void Screen_GoodInstances_BecomeServersInOrder()
    {
        var result = InstanceScreen.Screen(
        [
            Instances.Www("www-b", port: 20002),
            Instances.Www("web/1", address: "10.0.0.7", port: 80, tags: ["v1", "primary"]),
            Instances.Www("www-a", port: 20001),
        ]);

        Assert.Empty(result.Refusals);
        Assert.Equal(["www-b", "web/1", "www-a"], result.Servers.Select(s => s.InstanceId));
        Assert.Equal(["127.0.0.1:20002", "10.0.0.7:80", "127.0.0.1:20001"], result.Servers.Select(s => s.Endpoint));
    }

    [Fact]
    public void Screen_SameIdOnTwoNodes_KeepsTheFirstAndRefusesTheOther()
    {
        var result = InstanceScreen.Screen(
        [
            Instances.Www("www-1", address: "10.0.0.1", nodeName: "node-a"),
            Instances.Www("www-1", address: "10.0.0.2", nodeName: "node-b"),
        ]);

        Assert.Equal(IPAddress.Parse("10.0.0.1"), Assert.Single(result.Servers).Address);
        var refusal = Assert.Single(result.Refusals);
        Assert.Equal("node-b", refusal.NodeName);
        Assert.Contains("'node-a'", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_OneBadInstance_DoesNotCostTheOthers()
    {
        var result = InstanceScreen.Screen([Instances.Www("good-1"), Instances.Www("bad#1"), Instances.Www("good-2", port: 20002)]);

        Assert.Equal(["good-1", "good-2"], result.Servers.Select(s => s.Name));
        Assert.Equal("bad#1", Assert.Single(result.Refusals).InstanceId);
    }

    [Fact]
    public void Screen_Reasons_NeverRepeatTheHostileText()
    {
        CheckServiceNode[] hostile =
        [
            Instances.Www("a\nserver evil 6.6.6.6:80"),
            Instances.Www("b", tags: ["x\nserver evil 6.6.6.6:80"]),
            Instances.Www("c", address: "1.2.3.4\nserver evil 6.6.6.6:80"),
            Instances.Www("d", nodeName: "n\nserver evil 6.6.6.6:80"),
        ];

        var result = InstanceScreen.Screen(hostile);

        Assert.Equal(4, result.Refusals.Count);
        Assert.All(result.Refusals, r => Assert.DoesNotContain("evil", r.Reason, StringComparison.Ordinal));
        Assert.All(result.Refusals, r => Assert.DoesNotContain('\n', r.Reason));
    }

    [Fact]
    public void Screen_NodeWithoutName_StillScreensTheService()
    {
        var instance = new CheckServiceNode { Node = new Node { Address = "10.0.0.1" }, Service = new NodeService { Id = "i", Service = "www", Port = 80 } };

        Assert.Equal("10.0.0.1:80", Assert.Single(InstanceScreen.Screen([instance]).Servers).Endpoint);
    }
}
