using System.Net;
using Roster.HAProxy.Config;

namespace Roster.HAProxy.Tests.Config;

public class ServerOptionsTests
{
    private static readonly LbConfig Default = LbConfig.For("/run/roster", new IPEndPoint(IPAddress.Loopback, 8000));

    [Fact]
    public void For_Defaults_IsTheMeasuredOptionString() =>
        // The exact string add server was verified with on 2.6.12 (shared/reference/haproxy.md).
        Assert.Equal(
            "check inter 500 fall 2 rise 1 observe layer4 error-limit 1 on-error mark-down pool-max-conn -1 pool-purge-delay 5s",
            ServerOptions.For(Default));

    [Fact]
    public void For_OtherInterval_ChangesOnlyInter() =>
        Assert.StartsWith("check inter 250 fall 2 ", ServerOptions.For(Default with { CheckInter = TimeSpan.FromMilliseconds(250) }), StringComparison.Ordinal);

    [Fact]
    public void For_IsWhatEveryServerLineCarries()
    {
        var text = LbConfigRenderer.Render(Default, [new("a", IPAddress.Loopback, 1), new("b", IPAddress.Loopback, 2)]);

        var serverLines = text.Split('\n').Where(l => l.TrimStart().StartsWith("server ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, serverLines.Count);
        Assert.All(serverLines, l => Assert.EndsWith(" " + ServerOptions.For(Default), l, StringComparison.Ordinal));
    }
}
