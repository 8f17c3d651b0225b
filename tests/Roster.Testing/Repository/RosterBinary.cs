namespace Roster.Testing.Repository;

/// <summary>The built roster executable, in the same configuration as the running tests.</summary>
public static class RosterBinary
{
    /// <summary>
    /// artifacts/bin/Roster.Cli/&lt;pivot&gt;/roster, where the pivot (debug, release) is the one this assembly
    /// was built into; the harness project references Roster.Cli so the two are always built together.
    /// </summary>
    public static string Path { get; } = System.IO.Path.Combine(
        RepositoryRoot.Combine("artifacts", "bin", "Roster.Cli"),
        new DirectoryInfo(AppContext.BaseDirectory).Name,
        "roster");
}
