namespace Roster.Cli.Up;

/// <summary>How to start this same roster again as a child: the apphost itself, or <c>dotnet roster.dll</c>.</summary>
internal static class RosterExecutable
{
    public static (string FileName, IReadOnlyList<string> Prefix) Current()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this roster executable is unknown");
        if (Path.GetFileNameWithoutExtension(process) == "dotnet")
        {
            return (process, [typeof(RosterExecutable).Assembly.Location]);
        }

        return (process, []);
    }
}
