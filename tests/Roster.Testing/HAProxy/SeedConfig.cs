using System.Globalization;
using System.Text.RegularExpressions;
using Roster.Testing.Repository;

namespace Roster.Testing.HAProxy;

/// <summary>
/// The project's own examples/seed/basic.cfg with its fixed ports swapped for free ones, so tests run the very file
/// the README walks through, side by side with anything else on the machine.
/// </summary>
public static partial class SeedConfig
{
    public static string BasicPath => RepositoryRoot.Combine("examples", "seed", "basic.cfg");

    public static string Basic(int frontendPort, IReadOnlyList<int> serverPorts)
    {
        var lines = File.ReadAllLines(BasicPath).ToList();
        var bind = lines.FindIndex(l => BindLine().IsMatch(l));
        var firstServer = lines.FindIndex(l => ServerLine().IsMatch(l));
        if (bind < 0 || firstServer < 0)
        {
            throw new InvalidOperationException($"{BasicPath} no longer has the 'bind 127.0.0.1:8000' and 'server' lines the tests rewrite");
        }

        lines[bind] = BindLine().Replace(lines[bind], $"${{head}}{frontendPort}");
        lines.RemoveAll(l => ServerLine().IsMatch(l));
        lines.InsertRange(firstServer, serverPorts.Select((port, i) =>
            string.Create(CultureInfo.InvariantCulture, $"    server s{i + 1} 127.0.0.1:{port}")));
        return string.Join('\n', lines) + "\n";
    }

    [GeneratedRegex(@"^(?<head>\s*bind 127\.0\.0\.1:)8000\b")]
    private static partial Regex BindLine();

    [GeneratedRegex(@"^\s*server s\d+ ")]
    private static partial Regex ServerLine();
}
