using Roster.Protocol.Durations;

namespace Roster.Templating.Commands;

/// <summary>How a template command ended. Exactly one of <see cref="StartError"/>, <see cref="TimedOut"/>, <see cref="Signal"/>, <see cref="ExitCode"/> tells the story.</summary>
internal sealed record CommandResult(int? ExitCode, int? Signal, bool TimedOut, TimeSpan Duration, string? StartError = null)
{
    /// <summary>The command could not be started (no such program, no shell, blank command).</summary>
    public static CommandResult NotStarted(string error, TimeSpan duration) => new(null, null, false, duration, error);

    /// <summary>Exited by itself with status 0: the only outcome consul-template treats as success.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>One line for the runner's log, e.g. <c>exited with status 3 after 12ms</c>.</summary>
    public string Summary => this switch
    {
        { StartError: { } error } => $"could not start: {error}",
        { TimedOut: true } => $"did not exit within the time limit; killed its process group after {GoDuration.Format(Duration)}",
        { Signal: { } signal } => $"killed by signal {signal} after {GoDuration.Format(Duration)}",
        _ => $"exited with status {ExitCode} after {GoDuration.Format(Duration)}",
    };
}
