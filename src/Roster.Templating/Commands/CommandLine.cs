namespace Roster.Templating.Commands;

/// <summary>consul-template's CommandPrep (child/command-prep.go) for a single command string.</summary>
internal static class CommandLine
{
    /// <summary>Go's exec.ErrNotFound text, which consul-template reports for an empty command or a missing shell.</summary>
    internal const string NotFoundError = "executable file not found in $PATH";

    private static readonly string[] FallbackShells = ["/bin/sh", "/usr/bin/sh"];

    /// <summary>
    /// A string of more than one whitespace-separated field runs as <c>sh -c "&lt;command&gt;"</c>, so pipes,
    /// <c>$(pidof haproxy)</c> and <c>|| true</c> work; a single field is exec'd directly, untrimmed, as Go does.
    /// False with <paramref name="error"/> for a blank command or when no shell exists.
    /// </summary>
    public static bool TryPrepare(string command, out IReadOnlyList<string> argv, out string? error)
    {
        ArgumentNullException.ThrowIfNull(command);
        argv = [];
        error = null;
        var fields = command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0)
        {
            error = NotFoundError;
            return false;
        }

        if (fields.Length == 1)
        {
            argv = [command];
            return true;
        }

        // "sh" from PATH first, then the usual absolute paths, as consul-template looks it up.
        var shell = OnPath("sh") ? "sh" : FallbackShells.FirstOrDefault(File.Exists);
        if (shell is null)
        {
            error = NotFoundError;
            return false;
        }

        argv = [shell, "-c", command];
        return true;
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, name)));
}
