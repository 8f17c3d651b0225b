using Roster.Protocol.Catalog;
using Roster.Protocol.Health;

namespace Roster.HAProxy.Tests.Servers;

/// <summary>Registry results as <c>/v1/health/service/www</c> returns them, with only the fields the screen reads.</summary>
internal static class Instances
{
    public static CheckServiceNode Www(
        string id,
        string address = "127.0.0.1",
        int port = 20001,
        string nodeAddress = "10.0.0.1",
        string nodeName = "node-1",
        string service = "www",
        IReadOnlyList<string>? tags = null) =>
        new()
        {
            Node = new Node { Name = nodeName, Address = nodeAddress },
            Service = new NodeService { Id = id, Service = service, Address = address, Port = port, Tags = tags ?? [] },
        };
}
