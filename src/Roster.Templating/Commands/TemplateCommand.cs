using System.Collections;
using System.ComponentModel;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Roster.Templating.Commands;

/// <summary>
/// Runs a template's command the way consul-template does (child/child.go): <c>sh -c</c> for a string with spaces, in
/// its own process group, this process's environment plus the runner's variables, waited for up to a timeout after
/// which the whole group gets SIGKILL. Unlike consul-template, output goes to the log line by line rather than to our
/// own stdout, and a failure is a result, not an exception: the runner decides what a failed command means.
/// </summary>
internal sealed partial class TemplateCommand(ILogger<TemplateCommand> logger, TimeProvider? time = null)
{
    /// <summary>consul-template's DefaultTemplateCommandTimeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    // Lines written before exit are already in the pipe and drain at once. Waiting longer only helps when a background
    // child inherited stdout (e.g. "daemon &"), and that may never close it: such output is forwarded when it comes.
    private static readonly TimeSpan OutputDrainGrace = TimeSpan.FromMilliseconds(250);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Runs <paramref name="command"/>; a zero or infinite <paramref name="timeout"/> waits forever (Go's 0). Throws only
    /// <see cref="OperationCanceledException"/>, after killing the process group.
    /// </summary>
    public async Task<CommandResult> RunAsync(
        string command, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(environment);
        ct.ThrowIfCancellationRequested();
        var started = _time.GetTimestamp();
        if (!CommandLine.TryPrepare(command, out var argv, out var prepareError))
        {
            return NotStarted(command, prepareError!, started);
        }

        ChildProcess child;
        try
        {
            child = ChildProcess.Start(argv, MergeEnvironment(environment));
        }
        catch (Exception e) when (e is Win32Exception or PlatformNotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            return NotStarted(command, $"{argv[0]}: {e.Message}", started);
        }

        LogStarted(command, child.Pid);
        var output = Task.WhenAll(
            ForwardAsync(child.StandardOutput, command, LogOutput),
            ForwardAsync(child.StandardError, command, LogErrorOutput));
        var timedOut = false;
        try
        {
            await child.Exited.WaitAsync(timeout == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : timeout, _time, ct);
        }
        catch (TimeoutException)
        {
            timedOut = true;
            if (!await KillAsync(child, command))
            {
                return new CommandResult(null, null, TimedOut: true, _time.GetElapsedTime(started));
            }
        }
        catch (OperationCanceledException)
        {
            // Cancellation means Roster is stopping: leave no command behind.
            if (await KillAsync(child, command))
            {
                child.Reap();
            }

            throw;
        }

        var (exitCode, signal) = child.Reap();
        var result = new CommandResult(exitCode, signal, timedOut, _time.GetElapsedTime(started));
        LogFinished(command, result.Summary);
        await DrainAsync(output, command);
        return result;
    }

    // False when the group could not be killed: then waiting could take forever, so the process is left to finish
    // on its own and reaped whenever it does, rather than left a zombie.
    private async Task<bool> KillAsync(ChildProcess child, string command)
    {
        var errno = child.KillGroup();
        if (errno != 0)
        {
            LogKillFailed(command, child.Pid, errno);
            _ = child.Exited.ContinueWith(_ => child.Reap(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return false;
        }

        await child.Exited;
        return true;
    }

    private CommandResult NotStarted(string command, string error, long started)
    {
        LogNotStarted(command, error);
        return CommandResult.NotStarted(error, _time.GetElapsedTime(started));
    }

    private async Task DrainAsync(Task output, string command)
    {
        try
        {
            await output.WaitAsync(OutputDrainGrace, _time);
        }
        catch (TimeoutException)
        {
            LogOutputStillOpen(command);
        }
    }

    private static Dictionary<string, string> MergeEnvironment(IReadOnlyDictionary<string, string> extra)
    {
        // Ordinal: Unix variable names are case-sensitive.
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            merged[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        foreach (var (name, value) in extra)
        {
            merged[name] = value;
        }

        return merged;
    }

    private static async Task ForwardAsync(Stream stream, string command, Action<string, string> log)
    {
        // Invalid UTF-8 becomes U+FFFD rather than an exception: output is for people, not parsed.
        using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), detectEncodingFromByteOrderMarks: false);
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                log(command, line);
            }
        }
        catch (IOException)
        {
            // The pipe broke; nothing more will come.
        }
    }
}
