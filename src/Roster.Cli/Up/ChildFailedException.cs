namespace Roster.Cli.Up;

/// <summary>A child of <c>roster up</c> exited before it served; the message carries its last lines.</summary>
internal sealed class ChildFailedException(string name, int exitCode, string lastLines)
    : Exception($"{name} exited with code {exitCode} before it served{(lastLines.Length > 0 ? ":" + Environment.NewLine + lastLines : "")}")
{
    public string Name { get; } = name;

    public int ExitCode { get; } = exitCode;
}
