using Microsoft.Extensions.Logging;

namespace Roster.Client.Registration;

internal sealed partial class ServiceRegistrar
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Registered service {Name} as {ServiceId} at {Address}:{Port}")]
        public static partial void Registered(ILogger logger, string serviceId, string name, string address, int port);

        [LoggerMessage(2, LogLevel.Information, "The agent had forgotten {ServiceId} (a restart?); registered it again")]
        public static partial void Reregistered(ILogger logger, string serviceId);

        [LoggerMessage(3, LogLevel.Information, "Deregistered {ServiceId}")]
        public static partial void Deregistered(ILogger logger, string serviceId);

        [LoggerMessage(4, LogLevel.Warning, "Registration or heartbeat of {ServiceId} failed; retrying on the next tick")]
        public static partial void HeartbeatFailed(ILogger logger, string serviceId, Exception exception);

        [LoggerMessage(5, LogLevel.Warning, "Deregistration of {ServiceId} failed; the agent removes it once its checks have been critical long enough")]
        public static partial void DeregistrationFailed(ILogger logger, string serviceId, Exception exception);
    }
}
