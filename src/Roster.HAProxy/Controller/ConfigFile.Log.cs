using Microsoft.Extensions.Logging;

namespace Roster.HAProxy.Controller;

internal sealed partial class ConfigFile
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "HAProxy refused the new config, the last good one stays: {Reason}")]
        public static partial void Invalid(ILogger logger, string reason);
    }
}
