namespace Roster.HAProxy.Master;

/// <summary>Where the haproxy binary is: PATH first, then /usr/sbin, where Debian puts it (not on every user's PATH).</summary>
internal static class HAProxyExecutable
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin");
        return directories.Select(d => System.IO.Path.Combine(d, "haproxy")).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("haproxy is not installed (Debian: apt-get install haproxy)");
    }
}
