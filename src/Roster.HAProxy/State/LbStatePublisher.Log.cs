using Microsoft.Extensions.Logging;

namespace Roster.HAProxy.State;

internal sealed partial class LbStatePublisher
{
    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Could not publish HAProxy's server states at {Key}: {Reason}")]
        public static partial void PublishFailed(ILogger logger, string key, string reason);
    }
}
