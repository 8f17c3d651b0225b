using System.Diagnostics;

namespace Roster.HAProxy.Master;

/// <summary>
/// One HAProxy master process, started so that it cannot outlive roster, with its output lines handed to a callback.
/// </summary>
/// <remarks>
/// Parent death: HAProxy runs as <c>setsid setpriv --pdeathsig TERM -- haproxy …</c> (util-linux; both exec, so the
/// PID is HAProxy's). PR_SET_PDEATHSIG makes the kernel send SIGTERM, HAProxy's hard stop, when its parent dies, even
/// by SIGKILL, and it survives the master's re-exec on reload. The kernel's "parent" is the THREAD that forked, so the
/// process is started from a dedicated thread that lives exactly as long as HAProxy (a thread-pool thread retiring
/// would kill HAProxy). Workers stop by themselves when their master dies. <c>setsid</c> takes HAProxy out of the
/// terminal's process group, so a Ctrl-C meant for roster does not hard-stop HAProxy before roster drains it.
/// </remarks>
internal sealed class HAProxyChild : IDisposable
{
    private const string SetPriv = "/usr/bin/setpriv";
    private const string SetSid = "/usr/bin/setsid";

    private readonly System.Diagnostics.Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HAProxyChild(System.Diagnostics.Process process)
    {
        _process = process;
        Pid = process.Id;
    }

    public int Pid { get; }

    /// <summary>Completes with the exit code once HAProxy (and every process holding its output) is gone.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Whether HAProxy is tied to roster's life; false where util-linux's setpriv is missing.</summary>
    public static bool DiesWithParent => File.Exists(SetPriv) && File.Exists(SetSid);

    public static Task<HAProxyChild> StartAsync(string binary, IReadOnlyList<string> arguments, string workingDirectory, Action<string> onLine)
    {
        var info = new ProcessStartInfo(DiesWithParent ? SetSid : binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A pipe nobody writes to: HAProxy never reads stdin, and it must not share roster's terminal.
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        IEnumerable<string> argv = DiesWithParent ? [SetPriv, "--pdeathsig", "TERM", "--", binary, .. arguments] : arguments;
        foreach (var argument in argv)
        {
            info.ArgumentList.Add(argument);
        }

        var started = new TaskCompletionSource<HAProxyChild>(TaskCreationOptions.RunContinuationsAsynchronously);
        var parent = new Thread(() => Run(info, onLine, started)) { IsBackground = true, Name = "haproxy parent" };
        parent.Start();
        return started.Task;
    }

    public void Dispose() => _process.Dispose();

    private static void Run(ProcessStartInfo info, Action<string> onLine, TaskCompletionSource<HAProxyChild> started)
    {
        var process = new System.Diagnostics.Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Forward(e.Data, onLine);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, onLine);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            started.SetException(new InvalidOperationException($"could not start {info.FileName}: {e.Message}", e));
            return;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new HAProxyChild(process);
        started.SetResult(child);

        // Blocks this thread, HAProxy's parent for PR_SET_PDEATHSIG, until HAProxy and its output are gone.
        process.WaitForExit();
        child._exited.SetResult(process.ExitCode);
    }

    private static void Forward(string? line, Action<string> onLine)
    {
        if (line is not null)
        {
            onLine(line);
        }
    }
}
