using System.Globalization;
using System.Text.RegularExpressions;
using Roster.Testing.Network;
using Roster.Testing.Repository;

namespace Roster.Testing.Processes;

/// <summary>
/// A <c>roster up</c> on free loopback ports, ready: it has printed its banner, so the agent and HAProxy serve.
/// Its live log is the test's signal for everything after (instances joining, HAProxy servers going UP).
/// </summary>
public sealed partial class RosterUpProcess : IAsyncDisposable
{
    private RosterUpProcess(ChildProcess process, Uri registry, int frontend, string runDirectory)
    {
        Process = process;
        Registry = registry;
        Frontend = new Uri($"http://127.0.0.1:{frontend}/");
        RunDirectory = runDirectory;
    }

    public ChildProcess Process { get; }

    /// <summary>The agent's HTTP API, from the banner.</summary>
    public Uri Registry { get; }

    /// <summary>HAProxy's frontend.</summary>
    public Uri Frontend { get; }

    public string RunDirectory { get; }

    /// <summary>Starts <c>roster up</c> with the agent on ports it picks and HAProxy on a free port, plus <paramref name="arguments"/>.</summary>
    public static async Task<RosterUpProcess> StartAsync(string runDirectory, params string[] arguments)
    {
        var frontend = FreePort.Next();
        var process = ChildProcess.Start(
            RosterBinary.Path,
            ["up", "--http-addr", "127.0.0.1:0", "--dns-addr", "127.0.0.1:0", "--bind", $"127.0.0.1:{frontend}", "--run-dir", runDirectory, .. arguments]);
        try
        {
            var registry = await process.WaitForLineAsync(line => line.StartsWith("  registry ", StringComparison.Ordinal));
            return new RosterUpProcess(process, new Uri(RegistryUrl().Match(registry).Value), frontend, runDirectory);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the live log has said <paramref name="count"/> times that an HAProxy server is fully UP.</summary>
    public Task WaitForServersUpAsync(int count)
    {
        // Stateful on purpose: the wait scans the lines printed so far, then each new one, once.
        var seen = 0;
        return Process.WaitForLineAsync(line => line.Contains("  haproxy ", StringComparison.Ordinal) && line.EndsWith(" UP", StringComparison.Ordinal) && ++seen >= count);
    }

    /// <summary>The PIDs of the processes roster up started, from its "started NAME (pid N)" lines.</summary>
    public IReadOnlyDictionary<string, int> Started() =>
        Process.StandardOutput.Select(l => StartedLine().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["pid"].Value, CultureInfo.InvariantCulture));

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    [GeneratedRegex(@"http://\S+")]
    private static partial Regex RegistryUrl();

    [GeneratedRegex(@"started (?<name>\S+) \(pid (?<pid>\d+)\)")]
    private static partial Regex StartedLine();
}
