using System.Diagnostics;
using Roster.HAProxy.Controller;

namespace Roster.HAProxy.Master;

/// <summary><c>haproxy -c -f FILE</c>: HAProxy's own verdict on a config, with its ALERT lines as the reason (never -q: it hides them).</summary>
internal static class HAProxyConfigCheck
{
    public static async Task<ConfigCheckResult> RunAsync(string configPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(HAProxyExecutable.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", "-f", configPath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {HAProxyExecutable.Path}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var reason = string.Join('\n', (await errors + await output).Split('\n').Where(l => l.Contains("ALERT", StringComparison.Ordinal)));
        return new ConfigCheckResult(process.ExitCode == 0, reason.Length > 0 ? reason : (await errors).Trim());
    }
}
