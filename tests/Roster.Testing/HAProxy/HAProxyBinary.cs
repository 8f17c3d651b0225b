namespace Roster.Testing.HAProxy;

/// <summary>The real HAProxy, as installed by scripts/prereqs (Debian package <c>haproxy</c>).</summary>
public static class HAProxyBinary
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    private static string Find()
    {
        // /usr/sbin is not on every user's PATH, and Debian installs haproxy there.
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin");
        return directories.Select(d => System.IO.Path.Combine(d, "haproxy")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("haproxy is not installed: scripts/test installs it (apt package haproxy)");
    }
}
