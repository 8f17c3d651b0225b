using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Roster.Testing.Processes;

/// <summary>
/// A real child process whose output is collected line by line, so a test can wait for a line instead of sleeping.
/// Disposing it kills it; so does the test host's exit, so nothing outlives a failed or aborted test run.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    private readonly Process _process;
    private readonly OutputLines _stdout = new();
    private readonly OutputLines _stderr = new();
    private readonly OutputLines _all = new();
    private int _openStreams = 2;
    private int _disposed;

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllStillRunning();

    private ChildProcess(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
    }

    /// <summary>The command as it was started, for messages.</summary>
    public string CommandLine { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> StandardOutput => _stdout.Snapshot();

    public IReadOnlyList<string> StandardError => _stderr.Snapshot();

    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, $"{fileName} {string.Join(' ', info.ArgumentList)}");
        process.OutputDataReceived += (_, e) => child.OnLine(child._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(child._stderr, e.Data);
        process.Start();
        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for a line on stdout or stderr that matches; fails with the whole output if the process ends first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeouts.Ready;
        try
        {
            return await _all.WaitForAsync(match).WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no matching line within {limit.TotalSeconds:0.#} s.\n{Describe()}");
        }
        catch (InvalidOperationException)
        {
            throw new InvalidOperationException($"the process ended before the line came.\n{Describe()}");
        }
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeouts.Exit;
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the process did not exit within {limit.TotalSeconds:0.#} s.\n{Describe()}");
        }

        // WaitForExitAsync returns once the streams are drained too, so the output is complete here.
        return _process.ExitCode;
    }

    public void Signal(UnixSignal signal)
    {
        if (NativeMethods.Kill(_process.Id, (int)signal) != 0 && !_process.HasExited)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>The command and everything it printed, for assertion messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder().Append("$ ").AppendLine(CommandLine);
        foreach (var line in _all.Snapshot())
        {
            text.Append("  ").AppendLine(line);
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing twice is harmless: a test that restarts a process disposes it, and its fixture does again at the end.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private void OnLine(OutputLines stream, string? line)
    {
        if (line is not null)
        {
            stream.Add(line);
            _all.Add(line);
            return;
        }

        stream.End();
        if (Interlocked.Decrement(ref _openStreams) == 0)
        {
            _all.End();
        }
    }

    private static void KillAllStillRunning()
    {
        foreach (var process in Running.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
