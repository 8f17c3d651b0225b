using System.Text.RegularExpressions;
using Roster.Testing.Repository;

namespace Roster.Testing.Processes;

/// <summary>A <c>roster service NAME 0</c> process, ready: it has printed the port it bound.</summary>
public sealed partial class RosterService : IAsyncDisposable
{
    private RosterService(ChildProcess process, Uri url)
    {
        Process = process;
        Url = url;
    }

    public ChildProcess Process { get; }

    /// <summary>Where the service listens, with the real port.</summary>
    public Uri Url { get; }

    public int Port => Url.Port;

    public int Pid => Process.Pid;

    public static async Task<RosterService> StartAsync(string name, params string[] extraArguments)
    {
        var process = ChildProcess.Start(RosterBinary.Path, ["service", name, "0", .. extraArguments]);
        try
        {
            var line = await process.WaitForLineAsync(l => ListeningLine().IsMatch(l));
            return new RosterService(process, new Uri(ListeningLine().Match(line).Groups["url"].Value));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"listening on (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
