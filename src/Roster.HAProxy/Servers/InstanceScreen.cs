using System.Globalization;
using Roster.HAProxy.Config;
using Roster.Protocol.Health;

namespace Roster.HAProxy.Servers;

/// <summary>
/// The gate between the registry and HAProxy: every instance either becomes a <see cref="BackendServer"/> or is
/// refused with a reason. A real Consul accepts IDs, names and tags that HAProxy would read as syntax, so nothing
/// the registry says reaches a config line or a Runtime API command without passing here.
/// </summary>
/// <remarks>
/// Health is not judged here: the caller asks the registry for passing instances only, and HAProxy's own checks
/// cover the time in between. Tags are not rendered today; they are screened anyway so that a later use (weights,
/// backup servers) cannot become an injection path.
/// </remarks>
internal static class InstanceScreen
{
    public static ScreenedInstances Screen(IReadOnlyList<CheckServiceNode> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var servers = new List<BackendServer>(instances.Count);
        var refusals = new List<InstanceRefusal>();
        var nodeByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            var id = instance.Service.Id;
            var node = instance.Node.Name;
            var reason = Check(instance, out var server);
            // Consul keeps IDs unique per agent only: with several nodes, two instances can share an ID, and so a
            // server name. The first (Consul orders health results by node) keeps it; the other is refused, since
            // two servers cannot share a name and re-pointing one at the other would move live traffic.
            if (server is not null && nodeByName.TryGetValue(server.Name, out var holder))
            {
                reason = $"its HAProxy server name is already taken by an instance on node {Quote(holder)} (the same ID on two nodes)";
                server = null;
            }

            if (server is null)
            {
                refusals.Add(new InstanceRefusal(id, node, reason!));
                continue;
            }

            nodeByName[server.Name] = node;
            servers.Add(server);
        }

        return new ScreenedInstances(servers, refusals);
    }

    private static string? Check(CheckServiceNode instance, out BackendServer? server)
    {
        server = null;
        var service = instance.Service;
        if (string.IsNullOrEmpty(service.Id))
        {
            return "the instance has no ID";
        }

        var unsafeText = Unsafe("instance ID", service.Id)
            ?? Unsafe("service name", service.Service)
            ?? Unsafe("node name", instance.Node.Name)
            ?? (service.Tags ?? []).Select((tag, i) => Unsafe($"tag {i + 1}", tag)).FirstOrDefault(r => r is not null);
        if (unsafeText is not null)
        {
            return unsafeText;
        }

        // Consul's rule: the instance's own address, else its node's.
        var text = string.IsNullOrEmpty(service.Address) ? instance.Node.Address : service.Address;
        if (string.IsNullOrEmpty(text))
        {
            return "neither the instance nor its node has an address";
        }

        var reason = Unsafe("address", text);
        if (reason is not null)
        {
            return reason;
        }

        if (!ServerAddress.TryParse(text, out var address, out reason))
        {
            return reason;
        }

        if (service.Port is < 1 or > 65535)
        {
            return string.Create(CultureInfo.InvariantCulture, $"port {service.Port} is not between 1 and 65535");
        }

        server = new BackendServer(service.Id, address!, service.Port);
        return null;
    }

    private static string? Unsafe(string what, string? text)
    {
        var reason = text is null ? null : ConfigText.FindUnsafe(text);
        return reason is null ? null : $"the {what} contains {reason}";
    }

    // Only called with a node name that already passed the screen, so it cannot break a log line.
    private static string Quote(string text) => "'" + text + "'";
}
