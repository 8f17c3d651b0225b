using System.Net;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Tests.Servers;

public class BackendServerTests
{
    [Fact]
    public void New_Ipv4_TakesItsNameFromTheInstanceId()
    {
        var server = new BackendServer("www-1", IPAddress.Parse("127.0.0.1"), 20001);

        Assert.Equal("www-1", server.Name);
        Assert.Equal("www-1", server.InstanceId);
        Assert.Equal("127.0.0.1:20001", server.Endpoint);
    }

    [Fact]
    public void Endpoint_Ipv6_IsBracketed() =>
        Assert.Equal("[::1]:8080", new BackendServer("i", IPAddress.IPv6Loopback, 8080).Endpoint);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public void New_PortOutOfRange_Throws(int port) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackendServer("i", IPAddress.Loopback, port));

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("fe80::1%2")]
    public void New_UnusableAddress_Throws(string address) =>
        Assert.Throws<ArgumentException>(() => new BackendServer("i", IPAddress.Parse(address), 80));

    [Fact]
    public void New_EmptyId_Throws() =>
        Assert.Throws<ArgumentException>(() => new BackendServer("", IPAddress.Loopback, 80));

    [Fact]
    public void Equality_IsByValue() =>
        Assert.Equal(new BackendServer("i", IPAddress.Parse("10.0.0.1"), 80), new BackendServer("i", IPAddress.Parse("10.0.0.1"), 80));
}
