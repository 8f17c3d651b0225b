using Microsoft.Extensions.Logging;

namespace Roster.Client.Watch;

public sealed partial class ConsulWatch
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Watch {Name}: fetch failed ({Failures} in a row); retrying in {Delay}")]
        public static partial void FetchFailed(ILogger logger, string name, int failures, TimeSpan delay, Exception exception);

        [LoggerMessage(2, LogLevel.Information, "Watch {Name}: recovered after {Failures} failed fetches")]
        public static partial void Recovered(ILogger logger, string name, int failures);

        [LoggerMessage(3, LogLevel.Debug, "Watch {Name}: index went backwards from {Previous} to {Current}; blocking from 0 again")]
        public static partial void IndexReset(ILogger logger, string name, ulong previous, ulong current);
    }
}
