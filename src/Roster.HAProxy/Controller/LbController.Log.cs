using Microsoft.Extensions.Logging;

namespace Roster.HAProxy.Controller;

internal sealed partial class LbController
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "HAProxy serving on {Bind} with {Servers} server(s), {Mode} mode")]
        public static partial void Started(ILogger logger, string bind, int servers, LbMode mode);

        [LoggerMessage(2, LogLevel.Warning, "Applying the registry's change failed; retrying in {Delay}")]
        public static partial void ApplyFailed(ILogger logger, TimeSpan delay, Exception exception);

        [LoggerMessage(3, LogLevel.Information, "Reloaded HAProxy for {Servers} server(s): {Reloaded}")]
        public static partial void Reloaded(ILogger logger, int servers, bool reloaded);
    }
}
