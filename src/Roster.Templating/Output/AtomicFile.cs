using System.Security.Cryptography;

namespace Roster.Templating.Output;

/// <summary>
/// consul-template's renderer (renderer/renderer.go): skip identical contents, otherwise write a temp file beside the
/// destination, fsync, chmod, and rename it over the destination, so a reader (HAProxy) sees the old file or the new
/// one, never half of either.
/// </summary>
/// <remarks>
/// The rename gives the destination a new inode on every write. That is the point (atomicity), and also why a
/// single-file Docker bind mount keeps showing the old file (consul-template #1410, #1436): mount the directory.
/// Ownership is not preserved (consul-template chowns to the old owner); files belong to whoever runs Roster.
/// </remarks>
internal static class AtomicFile
{
    /// <summary>Mode of a new file when no mode is given: consul-template's DefaultFilePerms, 0644.</summary>
    public const UnixFileMode DefaultFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Mode of created parent directories: 0755, as consul-template's MkdirAll (the umask still applies).</summary>
    public const UnixFileMode DirectoryMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // Until the final chmod only the owner may read the temp file: the contents may be secrets meant for a 0600 file.
    private const UnixFileMode TempFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes <paramref name="contents"/> to <paramref name="path"/> atomically unless the file already holds exactly
    /// these bytes; returns whether it wrote. The mode is <paramref name="mode"/>, else the existing file's, else 0644.
    /// On failure the temp file is removed, the destination is untouched and the exception propagates.
    /// </summary>
    public static async Task<bool> WriteIfChangedAsync(
        string path, ReadOnlyMemory<byte> contents, UnixFileMode? mode = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        path = Path.GetFullPath(path);
        if (await HoldsAsync(path, contents, ct))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(path)!;
        CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            await WriteTempAsync(temp, contents, mode ?? ExistingMode(path) ?? DefaultFileMode, ct);
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static async Task WriteTempAsync(string temp, ReadOnlyMemory<byte> contents, UnixFileMode mode, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = TempFileMode;
        }

        await using var stream = new FileStream(temp, options);
        await stream.WriteAsync(contents, ct);

        // fsync before the rename: otherwise a crash can leave the new name pointing at an empty file.
        stream.Flush(flushToDisk: true);

        // fchmod sets the mode exactly, without the umask, as consul-template's os.Chmod does.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stream.SafeFileHandle, mode);
        }
    }

    // Windows has no modes, and its rename is not atomic either; Roster targets Linux, this only keeps it working.
    private static UnixFileMode? ExistingMode(string path) =>
        !OperatingSystem.IsWindows() && File.Exists(path) ? File.GetUnixFileMode(path) : null;

    private static void CreateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }
    }

    // Compares without loading a file of a different length. A directory at the path is not "a file holding these
    // bytes": it falls through to the write, whose rename then fails with the real reason ("Is a directory").
    private static async Task<bool> HoldsAsync(string path, ReadOnlyMemory<byte> contents, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        byte[] existing;
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, useAsync: false);
            if (stream.Length != contents.Length)
            {
                return false;
            }

            existing = new byte[contents.Length];
            await stream.ReadExactlyAsync(existing, ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or EndOfStreamException)
        {
            // Deleted or truncated between the check and the read: it does not hold these bytes.
            return false;
        }

        return contents.Span.SequenceEqual(existing);
    }

    // The original failure is what the caller needs to see; a failed clean-up must not replace it.
    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
