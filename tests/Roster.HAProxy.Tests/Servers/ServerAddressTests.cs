using System.Net;
using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Tests.Servers;

public class ServerAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.20.30.40")]
    [InlineData("::1")]
    [InlineData("2001:db8::5")]
    [InlineData("::ffff:127.0.0.1")]
    public void TryParse_LiteralIp_Parses(string text)
    {
        Assert.True(ServerAddress.TryParse(text, out var address, out _));
        Assert.Equal(IPAddress.Parse(text), address);
    }

    [Theory]
    [InlineData("web.example.com", "not an IP")]
    [InlineData("localhost", "not an IP")]
    [InlineData("127.1", "not an IP")]
    [InlineData("2130706433", "not an IP")]
    [InlineData("0x7f.0.0.1", "not an IP")]
    [InlineData("999.1.1.1", "not an IP")]
    [InlineData("1.2.3.4.5", "not an IP")]
    [InlineData("fe80::1%eth0", "not an IP")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    public void TryParse_NotAUsableIp_SaysWhy(string text, string reason)
    {
        Assert.False(ServerAddress.TryParse(text, out var address, out var why));
        Assert.Null(address);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void IsUsable_ScopedIpv6_IsNot()
    {
        Assert.False(ServerAddress.IsUsable(IPAddress.Parse("fe80::1%2"), out var why));
        Assert.Contains("scope", why, StringComparison.Ordinal);
    }
}
