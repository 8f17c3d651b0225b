using Microsoft.Extensions.Logging;

namespace Roster.Templating.Commands;

/// <content>Log messages. Command output is Information (stdout) or Warning (stderr): it is what the operator wants to see.</content>
internal sealed partial class TemplateCommand
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Running command {Command} (pid {Pid})")]
    private partial void LogStarted(string command, int pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command}: {Line}")]
    private partial void LogOutput(string command, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command}: {Line}")]
    private partial void LogErrorOutput(string command, string line);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command {Command} {Summary}")]
    private partial void LogFinished(string command, string summary);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command {Command} could not start: {Error}")]
    private partial void LogNotStarted(string command, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Command {Command} exited but a background process still holds its output; its lines are forwarded as they come")]
    private partial void LogOutputStillOpen(string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not kill the process group of command {Command} (pid {Pid}): errno {Errno}; it is left to finish on its own")]
    private partial void LogKillFailed(string command, int pid, int errno);
}
