using Microsoft.Extensions.Logging;

namespace Roster.HAProxy.Master;

internal sealed partial class HAProxyMaster
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "HAProxy started (pid {Pid}) on {Config}")]
        public static partial void Started(ILogger logger, int pid, string config);

        [LoggerMessage(2, LogLevel.Error, "HAProxy exited ({ExitCode}); starting it again on the last good config")]
        public static partial void Died(ILogger logger, int exitCode);

        [LoggerMessage(3, LogLevel.Error, "Starting HAProxy again failed: {Reason}; next try in {Delay}")]
        public static partial void RestartFailed(ILogger logger, string reason, TimeSpan delay);

        [LoggerMessage(4, LogLevel.Error, "HAProxy refused the reload; the previous worker keeps serving the last good config: {Reason}")]
        public static partial void ReloadRefused(ILogger logger, string reason);

        [LoggerMessage(5, LogLevel.Information, "haproxy: {Line}")]
        public static partial void Output(ILogger logger, string line);

        [LoggerMessage(6, LogLevel.Warning, "haproxy: {Line}")]
        public static partial void Alert(ILogger logger, string line);

        [LoggerMessage(7, LogLevel.Warning, "util-linux setpriv/setsid not found: HAProxy will outlive roster if roster is killed")]
        public static partial void NoParentDeathSignal(ILogger logger);

        [LoggerMessage(8, LogLevel.Information, "HAProxy reload {Reloads} confirmed by show proc after {Milliseconds} ms; replaced worker(s) {OldWorkers}")]
        public static partial void Reloaded(ILogger logger, int reloads, long milliseconds, string oldWorkers);

        [LoggerMessage(9, LogLevel.Information, "HAProxy reload {Reloads}: old worker(s) {OldWorkers} took over {Connections} connection(s) and closes them (an idle keep-alive one may race its client's next request)")]
        public static partial void OldWorkersClosing(ILogger logger, int reloads, string oldWorkers, string connections);

        [LoggerMessage(10, LogLevel.Information, "HAProxy reload {Reloads}: old worker(s) gone {Milliseconds} ms after the reload was confirmed ({Connections} connection(s) closed)")]
        public static partial void OldWorkersGone(ILogger logger, int reloads, string connections, long milliseconds);

        [LoggerMessage(11, LogLevel.Warning, "HAProxy reload {Reloads}: old worker(s) {OldWorkers} still running after {Limit}")]
        public static partial void OldWorkersLinger(ILogger logger, int reloads, string oldWorkers, TimeSpan limit);

        [LoggerMessage(14, LogLevel.Warning, "HAProxy's master CLI (master {Pid}) has not answered for {Patience}; reloading with SIGUSR2 and confirming in /proc")]
        public static partial void MasterCliUnreachable(ILogger logger, int pid, TimeSpan patience);

        [LoggerMessage(15, LogLevel.Warning, "HAProxy's master CLI did not answer after the reload; confirmed by the new worker {Worker} in /proc")]
        public static partial void ConfirmedInProc(ILogger logger, int worker);

        [LoggerMessage(16, LogLevel.Error, "HAProxy master {Pid} stopped answering during a reload ({Limit}, no new worker); killing it so that it is started again on the new config")]
        public static partial void Wedged(ILogger logger, int pid, TimeSpan limit);

        [LoggerMessage(12, LogLevel.Warning, "HAProxy master {Pid} still running {Limit} after signal {Signal}; escalating")]
        public static partial void StopEscalates(ILogger logger, int pid, int signal, TimeSpan limit);

        [LoggerMessage(13, LogLevel.Information, "HAProxy master {Pid} stopped: {Stopped}")]
        public static partial void Stopped(ILogger logger, int pid, bool stopped);
    }
}
