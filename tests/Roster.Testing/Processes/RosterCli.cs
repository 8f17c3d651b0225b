using Roster.Testing.Repository;

namespace Roster.Testing.Processes;

/// <summary>Runs a roster command that ends by itself (help, a usage error) and returns what it printed.</summary>
public static class RosterCli
{
    public static async Task<CliResult> RunAsync(params string[] arguments)
    {
        await using var process = ChildProcess.Start(RosterBinary.Path, arguments);
        var exitCode = await process.WaitForExitAsync();
        return new CliResult(exitCode, process.StandardOutput, process.StandardError);
    }
}

/// <summary>A finished command: its exit code and its output, line by line.</summary>
public sealed record CliResult(int ExitCode, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr);
