using System.Net;
using System.Text.RegularExpressions;

namespace Roster.Cli.Up;

/// <summary>
/// Reads where the agent really listens from its ready line (<c>agent listening on http://127.0.0.1:8500/ (dns
/// 127.0.0.1:8600, …</c>): with port 0 asked for, only the agent knows which port it got.
/// </summary>
internal static partial class AgentReadyLine
{
    public static (Uri Http, IPEndPoint? Dns) Parse(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success || !Uri.TryCreate(match.Groups["http"].Value, UriKind.Absolute, out var http))
        {
            throw new FormatException($"unexpected ready line from the agent: {line}");
        }

        return (http, IPEndPoint.TryParse(match.Groups["dns"].Value, out var dns) ? dns : null);
    }

    [GeneratedRegex(@"^agent listening on (?<http>\S+) \((?:dns (?<dns>[^,]+), )?", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
