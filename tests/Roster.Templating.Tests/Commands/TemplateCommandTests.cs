using System.Globalization;
using Microsoft.Extensions.Logging;
using Roster.Templating.Commands;

namespace Roster.Templating.Tests.Commands;

/// <summary>Real processes through real <c>sh</c>: exit codes, output, environment, and the process group on timeout.</summary>
public class TemplateCommandTests : IDisposable
{
    private static readonly Dictionary<string, string> NoVariables = [];
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    // Long enough for sh to start and write its pid file on a loaded 2-core machine; the commands it cuts would run 30 s.
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);

    private readonly string _dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"roster-tests-{Guid.NewGuid():N}")).FullName;
    private readonly RecordingLogger<TemplateCommand> _logger = new();
    private readonly TemplateCommand _command;

    public TemplateCommandTests() => _command = new TemplateCommand(_logger);

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("true", 0)]
    [InlineData("false", 1)]
    [InlineData("exit 0", 0)]
    [InlineData("exit 3", 3)]
    [InlineData("test -d / && exit 4 || exit 5", 4)]
    public async Task RunAsync_Command_ReportsItsExitCode(string command, int exitCode)
    {
        var result = await _command.RunAsync(command, NoVariables, Generous, CancellationToken.None);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(exitCode == 0, result.Succeeded);
        Assert.False(result.TimedOut);
        Assert.Null(result.StartError);
        Assert.Null(result.Signal);
    }

    [Fact]
    public async Task RunAsync_Output_ForwardedLineByLineStdoutAsInformationStderrAsWarning()
    {
        const string Command = "echo one; echo two; echo oops >&2; printf 'no newline'";

        var result = await _command.RunAsync(Command, NoVariables, Generous, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(["one", "two", "no newline"], _logger.Lines(LogLevel.Information, Command));
        Assert.Equal(["oops"], _logger.Lines(LogLevel.Warning, Command));
    }

    [Fact]
    public async Task RunAsync_Environment_ExtraVariablesAddedToOurs()
    {
        const string Command = "echo \"$CONSUL_HTTP_ADDR|$CONSUL_HTTP_TOKEN|${HOME:+home set}\"";
        var variables = new Dictionary<string, string> { ["CONSUL_HTTP_ADDR"] = "127.0.0.1:8500", ["CONSUL_HTTP_TOKEN"] = "s3cr3t" };

        await _command.RunAsync(Command, variables, Generous, CancellationToken.None);

        Assert.Equal(["127.0.0.1:8500|s3cr3t|home set"], _logger.Lines(LogLevel.Information, Command));
    }

    [Fact]
    public async Task RunAsync_Environment_ExtraVariableOverridesInherited()
    {
        const string Command = "echo \"$HOME\"";

        await _command.RunAsync(Command, new Dictionary<string, string> { ["HOME"] = "/elsewhere" }, Generous, CancellationToken.None);

        Assert.Equal(["/elsewhere"], _logger.Lines(LogLevel.Information, Command));
    }

    [Fact]
    public async Task RunAsync_Stdin_IsEmpty()
    {
        // stdin is /dev/null: a command that reads it ends at once instead of waiting on Roster's terminal.
        var result = await _command.RunAsync("cat", NoVariables, Generous, CancellationToken.None);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task RunAsync_Command_LeadsItsOwnProcessGroup()
    {
        // Field 5 of /proc/PID/stat is the process group; the shell's equals its own pid.
        const string Command = "echo $$ $(cut -d' ' -f5 /proc/$$/stat)";

        await _command.RunAsync(Command, NoVariables, Generous, CancellationToken.None);

        var ids = Assert.Single(_logger.Lines(LogLevel.Information, Command)).Split(' ');
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ids[1]);
    }

    [Fact]
    public async Task RunAsync_Command_StartsWithSigpipeNotIgnored()
    {
        // .NET ignores SIGPIPE and exec keeps ignored signals; without the reset "producer | head -1" never ends.
        const string Command = "grep SigIgn /proc/self/status";

        await _command.RunAsync(Command, NoVariables, Generous, CancellationToken.None);

        var ignored = Convert.ToUInt64(Assert.Single(_logger.Lines(LogLevel.Information, Command)).Split('\t')[1], 16);
        Assert.Equal(0UL, ignored & (1UL << (13 - 1)));
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsCommandAndReportsTimedOut()
    {
        var pidFile = Path.Combine(_dir, "sleep.pid");

        var result = await _command.RunAsync($"sleep 30 & echo $! > {pidFile}; wait", NoVariables, ShortTimeout, CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.False(result.Succeeded);
        Assert.Equal(9, result.Signal);
        Assert.InRange(result.Duration, ShortTimeout, TimeSpan.FromSeconds(10));
        await AssertGoneAsync(await ReadPidAsync(pidFile));
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsOrphanedGrandchildWithTheGroup()
    {
        // The subshell exits at once, so "sleep 30" is nobody's child any more: only a process-group kill reaches it.
        var pidFile = Path.Combine(_dir, "grandchild.pid");

        var result = await _command.RunAsync($"(sleep 30 & echo $! > {pidFile}); sleep 30", NoVariables, ShortTimeout, CancellationToken.None);

        Assert.True(result.TimedOut);
        await AssertGoneAsync(await ReadPidAsync(pidFile));
    }

    [Fact]
    public async Task RunAsync_SucceededWithBackgroundChild_ReturnsAndLeavesItRunning()
    {
        // "haproxy -D" style: the command exits, what it started keeps running (and keeps our stdout pipe open).
        var pidFile = Path.Combine(_dir, "daemon.pid");

        var result = await _command.RunAsync($"sleep 30 & echo $! > {pidFile}", NoVariables, Generous, CancellationToken.None);

        var pid = await ReadPidAsync(pidFile);
        try
        {
            Assert.True(result.Succeeded);
            Assert.True(IsAlive(pid));
        }
        finally
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsGroupAndThrows()
    {
        var pidFile = Path.Combine(_dir, "sleep.pid");
        using var cancel = new CancellationTokenSource();
        var run = _command.RunAsync($"sleep 30 & echo $! > {pidFile}; wait", NoVariables, Generous, cancel.Token);
        var pid = await ReadPidAsync(pidFile);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        await AssertGoneAsync(pid);
    }

    [Fact]
    public async Task RunAsync_MissingProgramWithoutSpaces_ReportsStartErrorWithoutThrowing()
    {
        var result = await _command.RunAsync("roster-no-such-program", NoVariables, Generous, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.ExitCode);
        Assert.Contains("roster-no-such-program", result.StartError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingProgramWithSpaces_IsTheShells127()
    {
        var result = await _command.RunAsync("roster-no-such-program --flag", NoVariables, Generous, CancellationToken.None);

        Assert.Equal(127, result.ExitCode);
        Assert.Null(result.StartError);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \t")]
    public async Task RunAsync_BlankCommand_ReportsNotFound(string command)
    {
        var result = await _command.RunAsync(command, NoVariables, Generous, CancellationToken.None);

        Assert.Equal("executable file not found in $PATH", result.StartError);
    }

    // The pid file is written by the command itself; wait for it rather than guess how long a shell takes to start.
    private static async Task<int> ReadPidAsync(string pidFile)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var text = File.Exists(pidFile) ? await File.ReadAllTextAsync(pidFile, timeout.Token) : "";
            if (text.EndsWith('\n'))
            {
                return int.Parse(text, CultureInfo.InvariantCulture);
            }

            await Task.Delay(10, timeout.Token);
        }
    }

    // SIGKILL is delivered asynchronously and nothing signals a stranger's death, so poll briefly.
    private static async Task AssertGoneAsync(int pid)
    {
        for (var attempt = 0; attempt < 100 && IsAlive(pid); attempt++)
        {
            await Task.Delay(20);
        }

        Assert.False(IsAlive(pid), $"process {pid} survived");
    }

    // A zombie is dead: the orphan's new parent may not reap it (a container's PID 1 often does not).
    private static bool IsAlive(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }

        var state = stat[(stat.LastIndexOf(')') + 2)..][0];
        return state is not ('Z' or 'X');
    }
}
