using System.Collections.Immutable;
using Roster.Cli.Status;
using Roster.Protocol.Catalog;
using Roster.Protocol.Health;

namespace Roster.Cli.Tests.Status;

/// <summary>An instance as status shows it: Consul's aggregate health, the PID from its metadata, the node's address as fallback.</summary>
public sealed class InstanceRowTests
{
    [Theory]
    [InlineData(new[] { "passing", "passing" }, "passing")]
    [InlineData(new[] { "passing", "warning" }, "warning")]
    [InlineData(new[] { "warning", "critical", "passing" }, "critical")]
    [InlineData(new string[0], "passing")]
    public void From_Checks_WorstWins(string[] statuses, string expected)
    {
        var row = InstanceRow.From(Node(checks: [.. statuses.Select(s => new HealthCheck { Status = s })]));

        Assert.Equal(expected, row.Health);
    }

    [Fact]
    public void From_PidInMeta_IsRead()
    {
        Assert.Equal(4242, InstanceRow.From(Node(meta: ImmutableDictionary<string, string>.Empty.Add("pid", "4242"))).Pid);
        Assert.Null(InstanceRow.From(Node(meta: ImmutableDictionary<string, string>.Empty.Add("pid", "x"))).Pid);
        Assert.Null(InstanceRow.From(Node()).Pid);
    }

    [Fact]
    public void From_NoServiceAddress_UsesTheNodes()
    {
        Assert.Equal("10.0.0.9:20001", InstanceRow.From(Node(address: "")).Endpoint);
        Assert.Equal("[::1]:20001", InstanceRow.From(Node(address: "::1")).Endpoint);
    }

    private static CheckServiceNode Node(
        IReadOnlyList<HealthCheck>? checks = null, IReadOnlyDictionary<string, string>? meta = null, string address = "127.0.0.1") => new()
    {
        Node = new Node { Name = "box", Address = "10.0.0.9" },
        Service = new NodeService { Id = "www-1", Service = "www", Address = address, Port = 20001, Meta = meta },
        Checks = checks ?? [],
    };
}
