using Roster.Testing;
using Roster.Testing.HAProxy;
using Roster.Testing.Processes;

namespace Roster.HAProxy.Tests.Config;

/// <summary>Runs the real <c>haproxy -c -f</c> on a config text, without <c>-q</c> so that the reason is printed.</summary>
internal static class HAProxyCheck
{
    public static async Task<(int ExitCode, IReadOnlyList<string> Output, string Described)> RunAsync(
        RunDirectory run, string configText, bool zeroWarnings = false)
    {
        var path = run.File("haproxy.cfg");
        await File.WriteAllTextAsync(path, configText);
        // -dW makes any warning fatal.
        string[] arguments = zeroWarnings ? ["-c", "-dW", "-f", path] : ["-c", "-f", path];
        await using var check = ChildProcess.Start(HAProxyBinary.Path, arguments, workingDirectory: run.Path);
        var exit = await check.WaitForExitAsync();
        return (exit, [.. check.StandardOutput, .. check.StandardError], check.Describe() + "\n--- haproxy.cfg ---\n" + configText);
    }

    /// <summary>Asserts HAProxy accepts the config: exit 0, no ALERT. Warnings are allowed (a missing state file is one).</summary>
    public static async Task AssertValidAsync(RunDirectory run, string configText, bool zeroWarnings = false)
    {
        var (exit, output, described) = await RunAsync(run, configText, zeroWarnings);
        Assert.True(exit == 0, described);
        Assert.True(!output.Any(l => l.Contains("ALERT", StringComparison.Ordinal)), described);
        Assert.True(output.Any(l => l.Contains("Configuration file is valid", StringComparison.Ordinal)), described);
    }
}
