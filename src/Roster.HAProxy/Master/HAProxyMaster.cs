using Microsoft.Extensions.Logging;
using Roster.HAProxy.Controller;
using Roster.HAProxy.Live;

namespace Roster.HAProxy.Master;

/// <summary>
/// HAProxy in master-worker mode (<c>-W</c>, foreground) as roster's own child: HAProxy's real PID, a master CLI socket
/// (mode 0600) in the run dir, reloads through it confirmed with <c>show proc</c>, a restart when the master dies, and a
/// graceful stop. HAProxy cannot outlive roster, even a SIGKILLed one (see <see cref="HAProxyChild"/>). The master runs
/// on <see cref="LiveConfigPath"/>, a copy only this class writes: it holds the config HAProxy last accepted, so a
/// re-exec or a restart never reads one it refused.
/// </summary>
internal sealed partial class HAProxyMaster(string runDirectory, string? adminSocketPath, TimeProvider time, ILogger logger) : IHAProxyProcess
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan PollAnswerLimit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SoftStopLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HardStopLimit = TimeSpan.FromSeconds(5);

    private readonly OutputLog _output = new();

    // One operation at a time on the master: start, reload, restart and stop each see the master they began with.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private HAProxyChild? _child;
    private Task _supervising = Task.CompletedTask;
    private string _sourcePath = "";
    private int _restarts;
    private bool _disposed;

    /// <summary>A master that died was started again; the argument is the new master's PID.</summary>
    public event Action<int>? Restarted;

    /// <summary>The HAProxy master's PID (HAProxy's own: no wrapper in between), once started.</summary>
    public int? Pid => Volatile.Read(ref _child)?.Pid;

    public string MasterSocketPath => Path.Combine(runDirectory, "master.sock");

    /// <summary>The config the master runs on: the last one it accepted.</summary>
    public string LiveConfigPath => Path.Combine(runDirectory, "haproxy.live.cfg");

    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>Starts HAProxy on a copy of <paramref name="configPath"/>; later reloads and restarts read that path again.</summary>
    /// <exception cref="InvalidOperationException">HAProxy exited before it served (its ALERT lines say why).</exception>
    public async Task StartAsync(string configPath, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_child is not null)
            {
                throw new InvalidOperationException("HAProxy is already started");
            }

            if (!HAProxyChild.DiesWithParent)
            {
                Log.NoParentDeathSignal(logger);
            }

            _sourcePath = configPath;
            await WriteLiveConfigAsync(await File.ReadAllTextAsync(configPath, cancellationToken), cancellationToken);
            var child = await LaunchAsync(cancellationToken);
            Volatile.Write(ref _child, child);
            Log.Started(logger, child.Pid, configPath);
            _supervising = SuperviseAsync(child, _stopping.Token);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Soft stop (SIGUSR1: connections finish), then SIGTERM, then SIGKILL, each bounded.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_child is { Exited.IsCompleted: false } child)
            {
                var stopped = await SignalAndWaitAsync(child, UnixSignals.User1, SoftStopLimit, cancellationToken)
                    || await SignalAndWaitAsync(child, UnixSignals.Terminate, HardStopLimit, cancellationToken)
                    || await SignalAndWaitAsync(child, UnixSignals.Kill, HardStopLimit, cancellationToken);
                Log.Stopped(logger, child.Pid, stopped);
            }
        }
        finally
        {
            _gate.Release();
        }

        await _supervising;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _disposed = true;
        _child?.Dispose();
        _gate.Dispose();
        _stopping.Dispose();
    }

    private async Task<HAProxyChild> LaunchAsync(CancellationToken cancellationToken)
    {
        // A socket file left by a killed master refuses connections; HAProxy binds a fresh one.
        File.Delete(MasterSocketPath);
        var mark = _output.Mark();
        string[] arguments = ["-W", "-S", $"{MasterSocketPath},mode,600", "-f", LiveConfigPath];
        var child = await HAProxyChild.StartAsync(HAProxyExecutable.Path, arguments, runDirectory, OnLine);
        try
        {
            await WaitUntilServingAsync(child, mark, cancellationToken);
            return child;
        }
        catch
        {
            // A master that never served (or a cancelled start) is killed, not left behind holding the ports.
            UnixSignals.Send(child.Pid, UnixSignals.Kill);
            await Task.WhenAny(child.Exited, Task.Delay(HardStopLimit, time, CancellationToken.None));
            child.Dispose();
            throw;
        }
    }

    // Serving = the master lists a worker (listeners are bound before it forks); with roster's own config also the admin
    // socket answering, since the controller uses it next.
    private async Task WaitUntilServingAsync(HAProxyChild child, long mark, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (!child.Exited.IsCompleted)
        {
            try
            {
                if ((await ShowProcAsync(cancellationToken)).Workers.Count > 0
                    && (adminSocketPath is null || (await UnixSocketCommand.SendAsync(adminSocketPath, "show info", cancellationToken, PollAnswerLimit)).Length > 0))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HAProxySocketException or TimeoutException or FormatException)
            {
                // Not listening yet.
            }

            if (time.GetElapsedTime(started) > ReadyLimit)
            {
                throw new TimeoutException($"haproxy did not start serving within {ReadyLimit}: {Alerts(mark)}");
            }

            await Task.WhenAny(child.Exited, Task.Delay(Poll, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }

        throw new InvalidOperationException($"haproxy exited with {await child.Exited} at start: {Alerts(mark)}");
    }

    private async Task<MasterProcessList> ShowProcAsync(CancellationToken cancellationToken) =>
        MasterProcessList.Parse(await UnixSocketCommand.SendAsync(MasterSocketPath, "show proc", cancellationToken, PollAnswerLimit));

    private async Task<bool> SignalAndWaitAsync(HAProxyChild child, int signal, TimeSpan limit, CancellationToken cancellationToken)
    {
        UnixSignals.Send(child.Pid, signal);
        try
        {
            await child.Exited.WaitAsync(limit, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            Log.StopEscalates(logger, child.Pid, signal, limit);
            return false;
        }
    }

    // Written aside and renamed over: a master re-executing at that moment reads the old file or the new, never half.
    private async Task WriteLiveConfigAsync(string text, CancellationToken cancellationToken)
    {
        var temporary = LiveConfigPath + ".tmp";
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        File.Move(temporary, LiveConfigPath, overwrite: true);
    }

    private string Alerts(long mark)
    {
        var lines = _output.Since(mark);
        var alerts = lines.Where(l => l.Contains("[ALERT]", StringComparison.Ordinal)).ToList();
        return string.Join('\n', alerts.Count > 0 ? alerts : lines);
    }

    private void OnLine(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        _output.Add(line);

        // HAProxy's WARNINGs include every routine change ("Server be/x is UP"); only ALERTs are worth a warning here.
        if (line.StartsWith("[ALERT]", StringComparison.Ordinal))
        {
            Log.Alert(logger, line);
        }
        else
        {
            Log.Output(logger, line);
        }
    }
}
