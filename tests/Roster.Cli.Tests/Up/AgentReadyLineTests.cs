using System.Net;
using Roster.Cli.Up;

namespace Roster.Cli.Tests.Up;

/// <summary>roster up learns the agent's real ports (it may have asked for port 0) from the agent's ready line.</summary>
public sealed class AgentReadyLineTests
{
    [Fact]
    public void Parse_LineWithDns_ReturnsBothAddresses()
    {
        var (http, dns) = AgentReadyLine.Parse("agent listening on http://127.0.0.1:41234/ (dns 127.0.0.1:45678, node box, datacenter dc1, pid 7)");

        Assert.Equal(new Uri("http://127.0.0.1:41234/"), http);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:45678"), dns);
    }

    [Fact]
    public void Parse_LineWithoutDns_ReturnsNoDns()
    {
        var (http, dns) = AgentReadyLine.Parse("agent listening on http://[::1]:8500/ (node box, datacenter dc1, pid 7)");

        Assert.Equal(8500, http.Port);
        Assert.Null(dns);
    }

    [Fact]
    public void Parse_OtherLine_Throws() =>
        Assert.Throws<FormatException>(() => AgentReadyLine.Parse("lb listening on http://127.0.0.1:8000/"));
}
