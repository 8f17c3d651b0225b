using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Roster.Templating.Commands;

/// <summary>
/// A process started with posix_spawn as the leader of its own process group, stdin on /dev/null, stdout and stderr on
/// pipes, and SIGPIPE back to its default (.NET ignores it, and an ignored signal survives exec).
/// </summary>
/// <remarks>
/// <see cref="Exited"/> waits with <c>waitid(WNOWAIT)</c>, which does not reap: until <see cref="Reap"/>, the pid (a
/// zombie at worst) still names the group, so <see cref="KillGroup"/> can never hit a recycled pid. .NET's own SIGCHLD
/// handling only reaps the processes it started, so it leaves this one alone.
/// </remarks>
internal sealed class ChildProcess
{
    private ChildProcess(int pid, Stream standardOutput, Stream standardError)
    {
        Pid = pid;
        StandardOutput = standardOutput;
        StandardError = standardError;

        // A blocking wait on a dedicated thread: commands are rare (one per render), and a thread-pool thread parked in
        // waitid for up to the command timeout would starve the pool.
        Exited = Task.Factory.StartNew(WaitWithoutReaping, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public int Pid { get; }

    /// <summary>The read end of the child's stdout pipe; the caller reads and disposes it.</summary>
    public Stream StandardOutput { get; }

    /// <summary>The read end of the child's stderr pipe; the caller reads and disposes it.</summary>
    public Stream StandardError { get; }

    /// <summary>Completes when the process has exited (it is not reaped yet).</summary>
    public Task Exited { get; }

    /// <summary>Starts <paramref name="argv"/> (argv[0] searched on PATH); throws <see cref="Win32Exception"/> when it cannot.</summary>
    public static ChildProcess Start(IReadOnlyList<string> argv, IEnumerable<KeyValuePair<string, string>> environment)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Template commands need Linux (posix_spawn with a process group).");
        }

        var output = CreatePipe();
        var error = CreatePipe();
        var strings = new List<IntPtr>();
        var actions = Marshal.AllocHGlobal(Libc.OpaqueSize);
        var attributes = Marshal.AllocHGlobal(Libc.OpaqueSize);
        var signals = Marshal.AllocHGlobal(Libc.OpaqueSize);
        var spawned = false;
        try
        {
            Check(Libc.posix_spawn_file_actions_init(actions));
            Check(Libc.posix_spawn_file_actions_addopen(actions, 0, Utf8(strings, "/dev/null"), Libc.ORdonly, 0));
            Check(Libc.posix_spawn_file_actions_adddup2(actions, output.Write, 1));
            Check(Libc.posix_spawn_file_actions_adddup2(actions, error.Write, 2));
            Check(Libc.posix_spawnattr_init(attributes));
            Check(Libc.posix_spawnattr_setflags(attributes, Libc.PosixSpawnSetPGroup | Libc.PosixSpawnSetSigDef | Libc.PosixSpawnSetSigMask));
            Check(Libc.posix_spawnattr_setpgroup(attributes, 0));
            CheckErrno(Libc.sigemptyset(signals));
            Check(Libc.posix_spawnattr_setsigmask(attributes, signals));
            CheckErrno(Libc.sigaddset(signals, Libc.SigPipe));
            Check(Libc.posix_spawnattr_setsigdefault(attributes, signals));

            var args = argv.Select(a => Utf8(strings, a)).Append(IntPtr.Zero).ToArray();
            var env = environment.Select(e => Utf8(strings, $"{e.Key}={e.Value}")).Append(IntPtr.Zero).ToArray();
            Check(Libc.posix_spawnp(out var pid, args[0], actions, attributes, args, env));
            spawned = true;
            return new ChildProcess(pid, ReadEnd(output.Read), ReadEnd(error.Read));
        }
        finally
        {
            // The child holds its own copies of the write ends; ours must go or the readers never see end-of-file.
            // Clean-up results are discarded: nothing useful can be done if closing or freeing fails.
            _ = Libc.close(output.Write);
            _ = Libc.close(error.Write);
            if (!spawned)
            {
                _ = Libc.close(output.Read);
                _ = Libc.close(error.Read);
            }

            _ = Libc.posix_spawn_file_actions_destroy(actions);
            _ = Libc.posix_spawnattr_destroy(attributes);
            Marshal.FreeHGlobal(actions);
            Marshal.FreeHGlobal(attributes);
            Marshal.FreeHGlobal(signals);
            strings.ForEach(Marshal.FreeCoTaskMem);
        }
    }

    /// <summary>
    /// SIGKILL to the whole process group: the shell, the command, and anything they started in the background.
    /// Returns 0, or the errno when not one member could be signalled (EPERM: all of them changed user).
    /// </summary>
    public int KillGroup() =>
        Libc.kill(-Pid, Libc.SigKill) == 0 || Marshal.GetLastPInvokeError() == Libc.ESrch ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Reaps the exited process; returns its exit code, or the signal that ended it. Only after <see cref="Exited"/>.</summary>
    public (int? ExitCode, int? Signal) Reap()
    {
        int status;
        while (Libc.waitpid(Pid, out status, 0) < 0)
        {
            ThrowUnlessInterrupted();
        }

        // The W* macros, identical on every Linux libc.
        var signal = status & 0x7f;
        return signal == 0 ? ((status >> 8) & 0xff, null) : (null, signal);
    }

    private void WaitWithoutReaping()
    {
        var info = Marshal.AllocHGlobal(Libc.OpaqueSize);
        try
        {
            while (Libc.waitid(Libc.PPid, Pid, info, Libc.WExited | Libc.WNoWait) < 0)
            {
                ThrowUnlessInterrupted();
            }
        }
        finally
        {
            Marshal.FreeHGlobal(info);
        }
    }

    private static (int Read, int Write) CreatePipe()
    {
        // O_CLOEXEC from birth: a process spawned concurrently elsewhere in Roster must not inherit these ends.
        var fds = new int[2];
        CheckErrno(Libc.pipe2(fds, Libc.OCloexec));
        return (fds[0], fds[1]);
    }

    private static FileStream ReadEnd(int fd) =>
        new(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize: 0);

    private static IntPtr Utf8(List<IntPtr> owned, string value)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(value);
        owned.Add(pointer);
        return pointer;
    }

    private static void Check(int result)
    {
        if (result != 0)
        {
            throw new Win32Exception(result);
        }
    }

    private static void CheckErrno(int result)
    {
        if (result != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError());
        }
    }

    private static void ThrowUnlessInterrupted()
    {
        var errno = Marshal.GetLastPInvokeError();
        if (errno != Libc.EIntr)
        {
            throw new Win32Exception(errno);
        }
    }
}
