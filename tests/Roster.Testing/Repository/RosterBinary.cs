namespace Roster.Testing.Repository;

/// <summary>The built roster executable, in the same configuration as the running tests.</summary>
public static class RosterBinary
{
    /// <summary>
    /// $ROSTER_BINARY when set (bench/run points it at the ReadyToRun publish the ./roster launcher makes), else
    /// artifacts/bin/Roster.Cli/&lt;pivot&gt;/roster, where the pivot (debug, release) is the one this assembly was built
    /// into; the harness project references Roster.Cli so the two are always built together.
    /// </summary>
    public static string Path { get; } = Environment.GetEnvironmentVariable("ROSTER_BINARY") is { Length: > 0 } chosen
        ? System.IO.Path.GetFullPath(chosen)
        : System.IO.Path.Combine(RepositoryRoot.Combine("artifacts", "bin", "Roster.Cli"), new DirectoryInfo(AppContext.BaseDirectory).Name, "roster");
}
