using System.Runtime.InteropServices;

namespace Roster.Templating.Commands;

/// <summary>
/// The few libc calls .NET's Process cannot make for us: it has no way to start a child in its own process group
/// (ProcessStartInfo.CreateNewProcessGroup is Windows-only), and setpgid from the parent after the start races the
/// child's exec. posix_spawn with POSIX_SPAWN_SETPGROUP does it in the child, before exec, as Go's Setpgid does.
/// </summary>
/// <remarks>
/// Linux values (glibc and musl agree on these). Opaque libc structs are passed as zeroed buffers of
/// <see cref="OpaqueSize"/> bytes, far above their real sizes (posix_spawnattr_t is 336 bytes on glibc).
/// DllImport rather than LibraryImport: every signature is blittable, and LibraryImport would need unsafe code.
/// </remarks>
internal static class Libc
{
    public const int OpaqueSize = 1024;

    public const int OCloexec = 0x80000;
    public const int ORdonly = 0;
    public const short PosixSpawnSetPGroup = 0x02;
    public const short PosixSpawnSetSigDef = 0x04;
    public const short PosixSpawnSetSigMask = 0x08;
    public const int SigKill = 9;
    public const int SigPipe = 13;
    public const int PPid = 1;
    public const int WExited = 4;
    public const int WNoWait = 0x01000000;
    public const int EIntr = 4;
    public const int ESrch = 3;

    private const string Lib = "libc";

    [DllImport(Lib, SetLastError = true)]
    public static extern int pipe2([Out] int[] fds, int flags);

    [DllImport(Lib, SetLastError = true)]
    public static extern int close(int fd);

    [DllImport(Lib)]
    public static extern int posix_spawn_file_actions_init(IntPtr actions);

    [DllImport(Lib)]
    public static extern int posix_spawn_file_actions_destroy(IntPtr actions);

    [DllImport(Lib)]
    public static extern int posix_spawn_file_actions_adddup2(IntPtr actions, int fd, int newFd);

    [DllImport(Lib)]
    public static extern int posix_spawn_file_actions_addopen(IntPtr actions, int fd, IntPtr path, int flags, uint mode);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_init(IntPtr attributes);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_destroy(IntPtr attributes);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_setflags(IntPtr attributes, short flags);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_setpgroup(IntPtr attributes, int processGroup);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_setsigmask(IntPtr attributes, IntPtr signals);

    [DllImport(Lib)]
    public static extern int posix_spawnattr_setsigdefault(IntPtr attributes, IntPtr signals);

    [DllImport(Lib, SetLastError = true)]
    public static extern int sigemptyset(IntPtr signals);

    [DllImport(Lib, SetLastError = true)]
    public static extern int sigaddset(IntPtr signals, int signal);

    /// <summary>Returns an errno value (0 on success) rather than setting errno.</summary>
    [DllImport(Lib)]
    public static extern int posix_spawnp(out int pid, IntPtr file, IntPtr actions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [DllImport(Lib, SetLastError = true)]
    public static extern int waitid(int idType, int id, IntPtr info, int options);

    [DllImport(Lib, SetLastError = true)]
    public static extern int waitpid(int pid, out int status, int options);

    [DllImport(Lib, SetLastError = true)]
    public static extern int kill(int pid, int signal);
}
