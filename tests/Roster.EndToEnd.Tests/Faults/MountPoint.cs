using Roster.Testing;
using Roster.Testing.Processes;

namespace Roster.EndToEnd.Tests.Faults;

/// <summary>A small tmpfs mounted on a directory of a test (root only): a disk that can be filled or made read-only.</summary>
internal sealed class MountPoint
{
    private MountPoint(string path) => Path = path;

    /// <summary>Whether the effective user id (the second field of Uid: in /proc/self/status) is 0.</summary>
    public static bool IsRoot { get; } = File.ReadLines("/proc/self/status")
        .First(line => line.StartsWith("Uid:", StringComparison.Ordinal))
        .Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[2] == "0";

    public string Path { get; }

    public static async Task<MountPoint> TmpfsAsync(string path, int kilobytes)
    {
        Directory.CreateDirectory(path);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k,mode=0700", "roster-test", path);
        return new MountPoint(path);
    }

    public Task ReadOnlyAsync() => RunAsync("mount", "-o", "remount,ro", Path);

    /// <summary>Fills the disk: one file grows until the write that does not fit fails.</summary>
    public void Fill()
    {
        var chunk = new byte[4096];
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create);
        try
        {
            while (true)
            {
                filler.Write(chunk);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // ENOSPC: full.
        }
    }

    /// <summary>Lazy unmount: gone from the tree at once, even if a killed process's file is still being released.</summary>
    public Task UnmountAsync() => RunAsync("umount", "-l", Path);

    private static async Task RunAsync(string command, params string[] arguments)
    {
        await using var process = ChildProcess.Start(command, arguments);
        var exit = await process.WaitForExitAsync(Timeouts.Exit);
        Assert.True(exit == 0, process.Describe());
    }
}
