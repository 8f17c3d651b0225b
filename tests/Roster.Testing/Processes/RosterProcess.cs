using System.Text.RegularExpressions;
using Roster.Testing.Repository;

namespace Roster.Testing.Processes;

/// <summary>Starts a long-running roster command and waits for the line that says where it listens.</summary>
internal static partial class RosterProcess
{
    /// <summary>The started process and the URL from its "... listening on URL" line; the process is killed if it never comes.</summary>
    public static async Task<(ChildProcess Process, Uri Url)> StartListeningAsync(params string[] arguments)
    {
        var process = ChildProcess.Start(RosterBinary.Path, arguments);
        try
        {
            var line = await process.WaitForLineAsync(l => ListeningLine().IsMatch(l));
            return (process, new Uri(ListeningLine().Match(line).Groups["url"].Value));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
