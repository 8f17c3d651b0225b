namespace Roster.Cli.Up;

/// <summary>A child of <c>roster up</c> exited before it served; the message ends with the last line it printed.</summary>
internal sealed class ChildFailedException(string name, int exitCode, string lastLine)
    : Exception($"{name} exited with code {exitCode} before it served{(lastLine.Length > 0 ? ": " + lastLine : "")}")
{
    public string Name { get; } = name;

    public int ExitCode { get; } = exitCode;
}
