using System.Security.Cryptography;
using System.Text;
using ARSoft.Tools.Net;
using Roster.Agent.Catalog;
using Roster.Agent.Hosting;

namespace Roster.Agent.Dns;

/// <summary>
/// The SRV target of one instance: <c>&lt;16 hex&gt;.&lt;node&gt;.node.&lt;dc&gt;.consul.</c>, the hex being the first 8 bytes
/// of SHA-256 over the service ID. Consul names the target after the node (<c>node1.node.dc1.consul</c>) or the IP
/// (<c>7f000001.addr.dc1.consul</c>), so every instance on one host shares it, and HAProxy 2.6 then fills only the
/// servers of its first answer (haproxy.md §3). One name per instance, stable for as long as the ID is registered, keeps
/// HAProxy's slot bound to its instance; it still lies under <c>node.&lt;dc&gt;.consul</c>, where a Consul-style reader
/// expects a host, and the agent answers A/AAAA for it.
/// </summary>
internal static class InstanceTarget
{
    public static string Label(string serviceId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(serviceId)).AsSpan(0, 8));

    public static DomainName For(ServiceInstance instance, AgentIdentity identity) =>
        DomainName.Parse($"{Label(instance.Id)}.{identity.NodeName}.node.{identity.Datacenter}.{DnsNameParser.Domain}".ToLowerInvariant());

    /// <summary>The instance a node-lookup name such as <c>&lt;label&gt;.&lt;node&gt;</c> designates, if any.</summary>
    public static ServiceInstance? Find(CatalogSnapshot snapshot, string nodePart, string nodeName)
    {
        var dot = nodePart.IndexOf('.', StringComparison.Ordinal);
        if (dot != 16 || !string.Equals(nodePart[(dot + 1)..], nodeName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var label = nodePart[..dot];
        return snapshot.Services.Values.FirstOrDefault(s => Label(s.Id) == label);
    }
}
