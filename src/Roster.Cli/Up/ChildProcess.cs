using System.Diagnostics;
using Roster.Cli.CommandLine;

namespace Roster.Cli.Up;

/// <summary>
/// One roster process that <c>roster up</c> runs: in its own session (so a terminal's Ctrl+C reaches only the
/// supervisor, which stops the children in order), its output in a log file, and its stdin a pipe whose end stops it
/// (<see cref="ParentWatch"/>), also when the supervisor is SIGKILLed.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly string _readyPrefix;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private string _lastLine = "";
    private bool _closed;
    private bool _stopRequested;

    private ChildProcess(string name, Process process, StreamWriter log, string readyPrefix, long startedAt)
    {
        Name = name;
        _process = process;
        _log = log;
        _readyPrefix = readyPrefix;
        StartedAt = startedAt;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>When it was started, as a <see cref="TimeProvider"/> timestamp.</summary>
    public long StartedAt { get; }

    /// <summary>Whether the supervisor asked it to stop (an exit without it is a crash).</summary>
    public bool StopRequested => Volatile.Read(ref _stopRequested);

    /// <summary>Completes when the process exits, with its exit code.</summary>
    public Task<int> Exited { get; private set; } = Task.FromResult(0);

    /// <summary>Starts <c>roster ARGS</c>; <paramref name="readyPrefix"/> is the start of the line it prints once it serves.</summary>
    public static ChildProcess Start(string name, IReadOnlyList<string> arguments, string readyPrefix, string logDirectory, TimeProvider time)
    {
        var (fileName, prefix) = RosterExecutable.Current();
        // setsid(1) calls setsid() and execs in place (a fresh child is never a group leader), so the PID stays the child's own.
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(fileName);
        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[ParentWatch.Variable] = "1";
        var log = new StreamWriter(Path.Combine(logDirectory, name + ".log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, log, readyPrefix, time.GetTimestamp());
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult(process.ExitCode);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        child.Exited = exited.Task.ContinueWith(
            t =>
            {
                child._ready.TrySetException(new ChildFailedException(name, t.Result, child.LastLine()));
                return t.Result;
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return child;
    }

    /// <summary>The line that said the child serves; throws <see cref="ChildFailedException"/> if it exits first.</summary>
    public Task<string> WaitUntilReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>The last line it printed (its reason, when it fails); the whole output is in its log file.</summary>
    public string LastLine()
    {
        lock (_logLock)
        {
            return _lastLine;
        }
    }

    /// <summary>Closes its stdin (it stops as on SIGTERM) and waits; SIGKILL if it has not stopped in time.</summary>
    public async Task StopAsync()
    {
        Volatile.Write(ref _stopRequested, true);
        if (Exited.IsCompleted)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
            await Exited.WaitAsync(StopPatience);
        }
        catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
            await Exited;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        lock (_logLock)
        {
            // Output can still arrive from the pipe's last buffer: it is dropped, not written to a closed file.
            _closed = true;
            _log.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (_closed)
            {
                return;
            }

            _log.WriteLine(line);
            _lastLine = line;
        }

        if (line.StartsWith(_readyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
    }
}
