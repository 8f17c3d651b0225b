using System.Runtime.InteropServices;

namespace Roster.HAProxy.Master;

/// <summary>kill(2): HAProxy's master is reloaded and stopped with signals Process.Kill cannot send (SIGUSR1, SIGTERM).</summary>
internal static partial class UnixSignals
{
    public const int Kill = 9;
    public const int User1 = 10;
    public const int User2 = 12;
    public const int Terminate = 15;
    public const int Stop = 19;
    public const int Continue = 18;

    /// <summary>Sends <paramref name="signal"/>; false when the process is already gone.</summary>
    public static bool Send(int pid, int signal) =>
        pid > 1 ? NativeKill(pid, signal) == 0 : throw new ArgumentOutOfRangeException(nameof(pid), pid, "kill(0) or kill(1) would hit a process group or init");

    // DllImport rather than LibraryImport: the latter needs AllowUnsafeBlocks, and kill(2) takes only ints.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeKill(int pid, int signal);
}
