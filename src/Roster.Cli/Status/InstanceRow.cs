using System.Globalization;
using Roster.Protocol.Health;

namespace Roster.Cli.Status;

/// <summary>One registry instance as <c>roster status</c> and <c>roster up</c> show it.</summary>
/// <param name="Service">The service name.</param>
/// <param name="Id">The instance ID.</param>
/// <param name="Address">Where it is reached: the service address, else the node's.</param>
/// <param name="Port">Its port.</param>
/// <param name="Pid">The PID it registered in its metadata, when it did (roster's services do).</param>
/// <param name="Health">The worst of its checks: passing, warning or critical.</param>
internal sealed record InstanceRow(string Service, string Id, string Address, int Port, int? Pid, string Health)
{
    public string Endpoint => Address.Contains(':', StringComparison.Ordinal) ? $"[{Address}]:{Port}" : $"{Address}:{Port}";

    public static InstanceRow From(CheckServiceNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var service = node.Service;
        var pid = service.Meta?.TryGetValue("pid", out var text) == true && int.TryParse(text, CultureInfo.InvariantCulture, out var p) ? p : (int?)null;
        return new InstanceRow(
            service.Service, service.Id, service.Address.Length > 0 ? service.Address : node.Node.Address, service.Port, pid, Worst(node.Checks ?? []));
    }

    // Consul's aggregate: any critical check makes the instance critical, else any warning a warning.
    private static string Worst(IReadOnlyList<HealthCheck> checks) =>
        checks.Any(c => c.Status == CheckStatus.Critical) ? CheckStatus.Critical
        : checks.Any(c => c.Status == CheckStatus.Warning) ? CheckStatus.Warning
        : CheckStatus.Passing;
}
