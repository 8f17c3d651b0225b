using Microsoft.Extensions.Logging;

namespace Roster.Client.Registration;

internal sealed partial class AgentPresenceWatch
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Reading {ServiceId} from the agent failed ({Reason}); retrying")]
        public static partial void ReadFailed(ILogger logger, string serviceId, string reason);

        [LoggerMessage(2, LogLevel.Warning, "The agent forgot {ServiceId} and registering it again failed; retrying")]
        public static partial void RegisterFailed(ILogger logger, string serviceId, Exception exception);
    }
}
