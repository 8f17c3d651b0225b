using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Roster.Templating.Output;

namespace Roster.Templating.Tests.Output;

/// <summary>consul-template's renderer contract: skip identical bytes, else temp file + fsync + chmod + rename.</summary>
[UnsupportedOSPlatform("windows")]
public class AtomicFileTests : IDisposable
{
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Mode0640 = Mode0600 | UnixFileMode.GroupRead;
    private const UnixFileMode Mode0644 = Mode0640 | UnixFileMode.OtherRead;
    private const UnixFileMode Mode0755 = Mode0644 | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
    private static readonly DateTime LongAgo = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"roster-tests-{Guid.NewGuid():N}")).FullName;

    public void Dispose()
    {
        // Undo any chmod a test made so the directory can be deleted.
        foreach (var directory in Directory.EnumerateDirectories(_dir, "*", SearchOption.AllDirectories).Prepend(_dir))
        {
            File.SetUnixFileMode(directory, Mode0755 | UnixFileMode.UserWrite);
        }

        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task WriteIfChangedAsync_NewFile_WritesBytesWithMode0644()
    {
        var path = Path.Combine(_dir, "haproxy.cfg");

        Assert.True(await AtomicFile.WriteIfChangedAsync(path, Bytes("backend web\n")));

        Assert.Equal("backend web\n", await File.ReadAllTextAsync(path));
        Assert.Equal(Mode0644, File.GetUnixFileMode(path));
        AssertOnly(_dir, "haproxy.cfg");
    }

    [Fact]
    public async Task WriteIfChangedAsync_NewEmptyFile_IsCreated()
    {
        // Empty contents equal "no file" byte-wise, but consul-template still writes a file that does not exist.
        var path = Path.Combine(_dir, "empty");

        Assert.True(await AtomicFile.WriteIfChangedAsync(path, ReadOnlyMemory<byte>.Empty));

        Assert.Equal(0, new FileInfo(path).Length);
        Assert.False(await AtomicFile.WriteIfChangedAsync(path, ReadOnlyMemory<byte>.Empty));
    }

    [Fact]
    public async Task WriteIfChangedAsync_MissingParents_CreatesThemNoWiderThan0755()
    {
        var path = Path.Combine(_dir, "a", "b", "out.cfg");

        Assert.True(await AtomicFile.WriteIfChangedAsync(path, Bytes("x")));

        Assert.Equal("x", await File.ReadAllTextAsync(path));
        foreach (var directory in new[] { Path.Combine(_dir, "a"), Path.Combine(_dir, "a", "b") })
        {
            // 0755 minus the umask, as mkdir(2) does.
            var mode = File.GetUnixFileMode(directory);
            Assert.Equal(UnixFileMode.None, mode & ~Mode0755);
            Assert.True(mode.HasFlag(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        }
    }

    [Fact]
    public async Task WriteIfChangedAsync_IdenticalBytes_ReturnsFalseAndLeavesFileAlone()
    {
        var path = Path.Combine(_dir, "same.cfg");
        await File.WriteAllTextAsync(path, "unchanged\n");
        File.SetLastWriteTimeUtc(path, LongAgo);
        var inode = Inode(path);

        Assert.False(await AtomicFile.WriteIfChangedAsync(path, Bytes("unchanged\n")));

        Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(path));
        Assert.Equal(inode, Inode(path));
        AssertOnly(_dir, "same.cfg");
    }

    [Theory]
    [InlineData("old contents\n", "new contents\n")]
    [InlineData("same length A", "same length B")]
    [InlineData("longer old contents", "short")]
    public async Task WriteIfChangedAsync_DifferentBytes_RenamesNewFileOverOld(string before, string after)
    {
        var path = Path.Combine(_dir, "changed.cfg");
        await File.WriteAllTextAsync(path, before);
        var inode = Inode(path);

        Assert.True(await AtomicFile.WriteIfChangedAsync(path, Bytes(after)));

        Assert.Equal(after, await File.ReadAllTextAsync(path));
        Assert.NotEqual(inode, Inode(path));
        AssertOnly(_dir, "changed.cfg");
    }

    [Fact]
    public async Task WriteIfChangedAsync_ExistingMode0600_KeepsIt()
    {
        var path = Path.Combine(_dir, "secret.cfg");
        await File.WriteAllTextAsync(path, "old");
        File.SetUnixFileMode(path, Mode0600);

        Assert.True(await AtomicFile.WriteIfChangedAsync(path, Bytes("new")));

        Assert.Equal(Mode0600, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task WriteIfChangedAsync_ExplicitMode_WinsOverExistingMode()
    {
        var path = Path.Combine(_dir, "explicit.cfg");
        await File.WriteAllTextAsync(path, "old");
        File.SetUnixFileMode(path, Mode0600);

        Assert.True(await AtomicFile.WriteIfChangedAsync(path, Bytes("new"), Mode0640));

        Assert.Equal(Mode0640, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task WriteIfChangedAsync_RenameFails_RemovesTempFileAndKeepsDestination()
    {
        // A non-empty directory at the destination: the temp file is written, then rename(2) refuses. Root cannot
        // bypass this, so the clean-up path is exercised whoever runs the tests.
        var path = Path.Combine(_dir, "occupied");
        Directory.CreateDirectory(path);
        await File.WriteAllTextAsync(Path.Combine(path, "keep"), "kept");

        await Assert.ThrowsAnyAsync<IOException>(() => AtomicFile.WriteIfChangedAsync(path, Bytes("new")));

        Assert.Equal("kept", await File.ReadAllTextAsync(Path.Combine(path, "keep")));
        AssertOnly(_dir, "occupied");
    }

    [Fact]
    public async Task WriteIfChangedAsync_DirectoryNotWritable_ThrowsAndKeepsOldFile()
    {
        var old = Path.Combine(_dir, "old.cfg");
        await File.WriteAllTextAsync(old, "old");
        string path;
        if (IsRoot)
        {
            // Root writes into a read-only directory regardless, so make the parent impossible instead: a regular file.
            path = Path.Combine(old, "out.cfg");
        }
        else
        {
            File.SetUnixFileMode(_dir, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            path = old;
        }

        var error = await Record.ExceptionAsync(() => AtomicFile.WriteIfChangedAsync(path, Bytes("new")));

        Assert.True(error is IOException or UnauthorizedAccessException, $"unexpected {error}");
        Assert.Equal("old", await File.ReadAllTextAsync(old));
        AssertOnly(_dir, "old.cfg");
    }

    [Fact]
    public async Task WriteIfChangedAsync_Cancelled_ThrowsAndLeavesNoTempFile()
    {
        var path = Path.Combine(_dir, "cancelled.cfg");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => AtomicFile.WriteIfChangedAsync(path, Bytes("new"), ct: new CancellationToken(canceled: true)));

        AssertOnly(_dir);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static void AssertOnly(string directory, params string[] names) =>
        Assert.Equal(names.Order(StringComparer.Ordinal), Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    // .NET exposes no inode number; stat(1) is in coreutils and busybox alike.
    private static long Inode(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
