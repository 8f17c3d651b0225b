using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Roster.HAProxy.Controller;
using Roster.HAProxy.Live;

namespace Roster.HAProxy.Master;

/// <summary>
/// HAProxy in master-worker mode as a child process: a master CLI socket (mode 0600) in the run dir, reloads through it
/// confirmed with <c>show proc</c>, and a restart with the last good config when the master dies. HAProxy runs under a
/// small shell that holds our stdin pipe: when roster dies, even by SIGKILL, the pipe closes and HAProxy is stopped.
/// </summary>
internal sealed partial class HAProxyMaster(string runDirectory, string? adminSocketPath, TimeProvider time, ILogger logger) : IHAProxyProcess
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);

    private readonly string _masterSocket = Path.Combine(runDirectory, "master.sock");
    private readonly CancellationTokenSource _stopping = new();
    private Process? _process;
    private string _configPath = "";
    private Task _supervising = Task.CompletedTask;
    private TaskCompletionSource<int> _masterPid = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The HAProxy master's PID (not the wrapper shell's), once started.</summary>
    public int? Pid { get; private set; }

    public async Task StartAsync(string configPath, CancellationToken cancellationToken)
    {
        _configPath = configPath;
        await LaunchAsync(cancellationToken);
        _supervising = SuperviseAsync(_stopping.Token);
    }

    // SIGUSR2 to the master (what the master CLI's "reload" does), confirmed by a new worker process appearing under the
    // master. The master CLI's own "show proc" was seen to stall mid-answer here, so it is not relied on.
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        var master = Pid ?? throw new InvalidOperationException("HAProxy is not running");
        var before = Workers(master);
        await SignalAsync(master, "USR2");
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < ReadyLimit)
        {
            if (Workers(master).Except(before).Any())
            {
                return true;
            }

            await Task.Delay(Poll, time, cancellationToken);
        }

        // The config was checked before, so this is rare: the old worker goes on serving the old config.
        Log.ReloadRefused(logger);
        return false;
    }

    // The master's worker processes, from /proc (this controller runs HAProxy on Linux only).
    private static HashSet<int> Workers(int master)
    {
        try
        {
            return [.. File.ReadAllText($"/proc/{master}/task/{master}/children")
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
        }
        catch (IOException)
        {
            return [];
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _supervising;
        if (_process is { HasExited: false } process)
        {
            // SIGUSR1 (passed on by the wrapper): soft stop, workers finish their requests; then harder if they take too long.
            await SignalAsync(process.Id, "USR1");
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _process?.Dispose();
        _stopping.Dispose();
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        File.Delete(_masterSocket);
        _masterPid = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        // haproxy in the background; signals passed on to it; a watcher that blocks reading our stdin pipe (fd 3: background
        // jobs get /dev/null otherwise) stops haproxy when the pipe closes, i.e. when roster exits or dies. The watcher
        // lets go of stdout/stderr, or the wrapper's exit would not be seen while it lives.
        start.ArgumentList.Add(
            "exec 3<&0; \"$0\" -W -S \"$1\",mode,600 -f \"$2\" </dev/null & pid=$!; echo \"master-pid $pid\"; "
            + "trap 'kill -TERM $pid' TERM INT; trap 'kill -USR1 $pid' USR1; "
            + "(read _ <&3; kill -TERM $pid) >/dev/null 2>&1 & "
            + "while kill -0 $pid 2>/dev/null; do wait $pid; done");
        start.ArgumentList.Add(HAProxyExecutable.Path);
        start.ArgumentList.Add(_masterSocket);
        start.ArgumentList.Add(_configPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start haproxy");
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Pid = await _masterPid.Task.WaitAsync(ReadyLimit, time, cancellationToken);
        await WaitUntilServingAsync(process, Pid.Value, cancellationToken);
        Log.Started(logger, Pid.Value, _configPath);
    }

    // Serving = a worker forked; with roster's own config also its admin socket answering (the controller uses it next).
    private async Task WaitUntilServingAsync(Process process, int master, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < ReadyLimit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with {process.ExitCode} at start; see its messages above");
            }

            try
            {
                if (Workers(master).Count > 0)
                {
                    if (adminSocketPath is not null)
                    {
                        await UnixSocketCommand.SendAsync(adminSocketPath, "show info", cancellationToken);
                    }

                    return;
                }

                await Task.Delay(Poll, time, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or TimeoutException)
            {
                await Task.Delay(Poll, time, cancellationToken);
            }
        }

        throw new TimeoutException("haproxy did not start serving");
    }

    // A master that dies (crash, kill -9) is started again on the last good config, which holds the current servers.
    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _process!.WaitForExitAsync(cancellationToken);
                Log.Died(logger, _process.ExitCode);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(50, 1 << Math.Min(failures, 6))), time, cancellationToken);
                await LaunchAsync(cancellationToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                failures++;
                Log.RestartFailed(logger, e.Message);
            }
        }
    }

    private void Forward(string? line)
    {
        // The wrapper's first line names the master: asking the master's socket this early can hang while it re-executes.
        if (line?.StartsWith("master-pid ", StringComparison.Ordinal) == true
            && int.TryParse(line["master-pid ".Length..], CultureInfo.InvariantCulture, out var pid))
        {
            _masterPid.TrySetResult(pid);
        }
        else if (!string.IsNullOrWhiteSpace(line))
        {
            Log.Output(logger, line);
        }
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

}
