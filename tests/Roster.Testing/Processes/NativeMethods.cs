using System.Runtime.InteropServices;

namespace Roster.Testing.Processes;

internal static partial class NativeMethods
{
    // Process.Kill only sends SIGKILL; graceful-stop tests need SIGTERM and SIGINT.
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);
}
