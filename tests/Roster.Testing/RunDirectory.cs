namespace Roster.Testing;

/// <summary>A fresh temporary directory for one test's config files, sockets and logs; deleted on dispose.</summary>
public sealed class RunDirectory : IDisposable
{
    public RunDirectory() => Path = Directory.CreateTempSubdirectory("roster-test-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that was just killed may still hold a socket file; a stale temp dir harms nothing.
        }
    }
}
