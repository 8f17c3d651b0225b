using System.Globalization;

namespace Roster.Cli.Status;

/// <summary>
/// <c>roster status</c> as text: aligned columns, with health and HAProxy states in colour on a terminal, and the same
/// columns without any escape code when piped (so grep and awk see plain words).
/// </summary>
internal static class StatusText
{
    public static void Write(StatusReport report, TextWriter output, bool color)
    {
        output.WriteLine($"registry {report.Registry}");
        output.WriteLine();
        Table(
            output, color,
            ["SERVICE", "INSTANCE", "ADDRESS", "PID", "HEALTH", "HAPROXY", "SESSIONS"],
            report.Instances.Select(i => new[]
            {
                i.Service, i.Id, Endpoint(i.Address, i.Port), Text(i.Pid), i.Health, i.HAProxy ?? "-", Text(i.Sessions),
            }));
        if (report.Instances.Count == 0)
        {
            output.WriteLine("no instances registered");
        }

        foreach (var balancer in report.Balancers)
        {
            output.WriteLine();
            output.WriteLine(
                $"haproxy for {balancer.Service} on {balancer.Bind} (pid {balancer.Pid}, {balancer.Mode} mode, read from the {balancer.Source})");
            if (balancer.Strangers.Count > 0)
            {
                Table(
                    output, color, ["SERVER WITHOUT INSTANCE", "ADDRESS", "HAPROXY", "SESSIONS"],
                    balancer.Strangers.Select(s => new[] { s.Name, s.Endpoint, s.State, Text(s.Sessions) }));
            }
        }
    }

    private static void Table(TextWriter output, bool color, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        for (var r = 0; r < all.Count; r++)
        {
            var cells = all[r].Select((cell, c) => Paint(cell.PadRight(c == widths.Length - 1 ? 0 : widths[c]), cell, r == 0, color));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    // Colour only a terminal sees: green for what serves, yellow for in between, red for what does not.
    private static string Paint(string padded, string cell, bool header, bool color)
    {
        if (!color)
        {
            return padded;
        }

        if (header)
        {
            return $"\e[1m{padded}\e[0m";
        }

        var code = cell switch
        {
            "passing" or "UP" => "32",
            "warning" or "DRAIN" or "NOLB" or "MAINT" => "33",
            "critical" or "DOWN" => "31",
            _ when cell.StartsWith("UP ", StringComparison.Ordinal) || cell.StartsWith("DOWN ", StringComparison.Ordinal) => "33",
            _ => null,
        };
        return code is null ? padded : $"\e[{code}m{padded}\e[0m";
    }

    private static string Endpoint(string address, int port) =>
        address.Contains(':', StringComparison.Ordinal) ? $"[{address}]:{port}" : $"{address}:{port}";

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
