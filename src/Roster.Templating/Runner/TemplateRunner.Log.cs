using Microsoft.Extensions.Logging;

namespace Roster.Templating.Runner;

public sealed partial class TemplateRunner
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "{Error}")]
        public static partial void LoadFailed(ILogger logger, string error);

        [LoggerMessage(2, LogLevel.Debug, "Rendered {Templates} template(s); {Watched} dependencies watched ({Started} started, {Stopped} stopped)")]
        public static partial void Pass(ILogger logger, int templates, int watched, int started, int stopped);

        [LoggerMessage(3, LogLevel.Information, "Rendered {Source} => {Destination}")]
        public static partial void Rendered(ILogger logger, string source, string destination);

        [LoggerMessage(4, LogLevel.Error, "Could not write {Destination}: {Reason}; it keeps its previous contents")]
        public static partial void WriteFailed(ILogger logger, string destination, string reason);

        [LoggerMessage(5, LogLevel.Error, "{Source}: {Error}; the destination keeps its last good contents")]
        public static partial void RenderFailed(ILogger logger, string source, string error);

        [LoggerMessage(6, LogLevel.Information, "Command '{Command}' ran in {Milliseconds:0} ms")]
        public static partial void CommandRan(ILogger logger, string command, double milliseconds);

        [LoggerMessage(7, LogLevel.Warning, "Command '{Command}' exited with {ExitCode}")]
        public static partial void CommandFailed(ILogger logger, string command, int? exitCode);

        [LoggerMessage(8, LogLevel.Warning, "Command '{Command}' did not finish within {Timeout}; killed")]
        public static partial void CommandTimedOut(ILogger logger, string command, TimeSpan timeout);

        [LoggerMessage(9, LogLevel.Information, "Reloaded {Count} template(s)")]
        public static partial void Reloaded(ILogger logger, int count);

        [LoggerMessage(10, LogLevel.Error, "Reload failed, keeping the templates in use: {Error}")]
        public static partial void ReloadFailed(ILogger logger, string error);
    }
}
