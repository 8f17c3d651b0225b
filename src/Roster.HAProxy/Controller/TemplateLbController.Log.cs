using Microsoft.Extensions.Logging;

namespace Roster.HAProxy.Controller;

internal sealed partial class TemplateLbController
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "HAProxy serving the config rendered from {Template}")]
        public static partial void Started(ILogger logger, string template);

        [LoggerMessage(2, LogLevel.Information, "Reloaded HAProxy onto the new render: {Reloaded}")]
        public static partial void Reloaded(ILogger logger, bool reloaded);
    }
}
