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

        [LoggerMessage(3, LogLevel.Error, "Starting HAProxy again failed: {Reason}")]
        public static partial void RestartFailed(ILogger logger, string reason);

        [LoggerMessage(4, LogLevel.Error, "HAProxy refused the reload; the previous workers keep serving")]
        public static partial void ReloadRefused(ILogger logger);

        [LoggerMessage(5, LogLevel.Information, "haproxy: {Line}")]
        public static partial void Output(ILogger logger, string line);
    }
}
