using System.Globalization;
using Roster.Testing.Processes;

namespace Roster.Bench.Wrk;

/// <summary>Runs wrk (Debian package <c>wrk</c>) against a loopback URL and parses its report.</summary>
internal static class WrkRunner
{
    public static async Task<WrkResult> RunAsync(Uri url, WrkOptions options)
    {
        if (!url.IsLoopback)
        {
            throw new ArgumentException($"benchmarks only load loopback addresses, not {url}", nameof(url));
        }

        string[] arguments =
        [
            $"-t{options.Threads}", $"-c{options.Connections}",
            $"-d{options.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s", "--latency", url.ToString(),
        ];
        await using var wrk = ChildProcess.Start("wrk", arguments);
        var exitCode = await wrk.WaitForExitAsync(options.Duration + TimeSpan.FromSeconds(30));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed with exit code {exitCode}\n{wrk.Describe()}");
        }

        return WrkResult.Parse(string.Join('\n', wrk.StandardOutput));
    }
}
