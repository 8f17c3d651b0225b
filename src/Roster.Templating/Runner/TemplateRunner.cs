using Microsoft.Extensions.Logging;
using Roster.Client;
using Roster.Client.Watch;
using Roster.Templating.Commands;
using Roster.Templating.Dependencies;
using Roster.Templating.Execution;
using Roster.Templating.Functions;
using Roster.Templating.Rendering;

namespace Roster.Templating.Runner;

/// <summary>
/// consul-template's run loop: render every template against the brain, watch what they read, write a template when
/// its output changes (after quiescence, once it has been written), run its command, and sleep until data changes.
/// Bursts coalesce: any number of registry answers between two wake-ups cost one pass.
/// </summary>
public sealed partial class TemplateRunner
{
    private readonly RunnerOptions _options;
    private readonly DependencySource _source;
    private readonly FunctionTable _functions;
    private readonly TemplateCommand _commands;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Brain _brain = new();
    private readonly Dictionary<TemplateUnit, Quiescence> _quiet = [];
    private readonly HashSet<string> _reportedErrors = new(StringComparer.Ordinal);
    private volatile bool _reloadRequested;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<TemplateUnit> _units = [];

    /// <summary>A runner reading from <paramref name="consul"/>; <paramref name="time"/> drives quiescence and <c>timestamp</c>.</summary>
    public TemplateRunner(RunnerOptions options, ConsulClient consul, ILoggerFactory loggers, TimeProvider? time = null)
        : this(
            options,
            new DependencySource(consul, new ConsulWatch(TimeProvider.System, loggers.CreateLogger<ConsulWatch>()), TimeProvider.System),
            FunctionTable.Builtins.With(ConsulTemplateFunctions.Pure(time ?? TimeProvider.System, Environment.GetEnvironmentVariable)),
            new TemplateCommand(loggers.CreateLogger<TemplateCommand>()),
            time ?? TimeProvider.System,
            loggers.CreateLogger<TemplateRunner>())
    {
    }

    internal TemplateRunner(
        RunnerOptions options, DependencySource source, FunctionTable functions, TemplateCommand commands, TimeProvider time, ILogger logger)
    {
        _options = options;
        _source = source;
        _functions = functions;
        _commands = commands;
        _time = time;
        _logger = logger;
    }

    /// <summary>SIGHUP: read the templates again on the next pass; a template that no longer parses keeps the old set.</summary>
    public void Reload()
    {
        _reloadRequested = true;
        _wake.TrySetResult();
    }

    /// <summary>Loads the templates and runs until cancelled (or, with -once, until all are rendered).</summary>
    /// <returns>A consul-template exit code.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!TryLoad(out var units, out var error))
        {
            Log.LoadFailed(_logger, error);
            return TemplateExitCodes.RunnerError;
        }

        Use(units);
        await using var watchers = new DependencyWatchers(_source, _brain);
        try
        {
            while (true)
            {
                if (_reloadRequested)
                {
                    ApplyReload();
                }

                var outcome = await PassAsync(watchers, cancellationToken);
                if (_options.Once && outcome.AllWritten)
                {
                    return outcome.Failed ? TemplateExitCodes.RunnerError : TemplateExitCodes.Ok;
                }

                await WaitForWorkAsync(watchers, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return TemplateExitCodes.Interrupted;
        }
    }

    private async Task<PassOutcome> PassAsync(DependencyWatchers watchers, CancellationToken cancellationToken)
    {
        List<IDependency> used = [];
        List<string> commandsToRun = [];
        var allWritten = true;
        var failed = false;
        foreach (var unit in _units)
        {
            var result = unit.Render(_brain);
            used.AddRange(result.Used);
            if (result.Error is { } error)
            {
                failed = true;
                ReportOnce(unit, error);
            }

            if (!result.IsComplete)
            {
                allWritten &= unit.Written is not null;
                continue;
            }

            if (await ApplyAsync(unit, result.Output!, cancellationToken))
            {
                if (unit.Spec.Command is { } command)
                {
                    commandsToRun.Add(command);
                }

                if (_options.Written is { } written)
                {
                    await written(unit.Spec, result.Output!, cancellationToken);
                }
            }

            allWritten &= unit.Written is not null;
        }

        var (started, stopped) = await watchers.ReconcileAsync(used);
        Log.Pass(_logger, _units.Count, watchers.Keys.Count, started, stopped);
        // Several templates sharing one reload command reload once (consul-template runs identical _commands once per pass).
        foreach (var command in commandsToRun.Distinct(StringComparer.Ordinal))
        {
            await RunCommandAsync(command, cancellationToken);
        }

        return new PassOutcome(allWritten, failed);
    }

    // Writes a complete render now, or (after the first write, with -wait) when its quiescence timer is due. True when written.
    private async Task<bool> ApplyAsync(TemplateUnit unit, string output, CancellationToken cancellationToken)
    {
        var quiet = _quiet[unit];
        if (output == unit.Written)
        {
            unit.Pending = null;
            quiet.Reset();
            return false;
        }

        if (unit.Written is not null && _options.Wait != WaitSpec.None && !_options.Once && !quiet.IsDue)
        {
            // Each new output restarts the timer at -wait's min, never past its max from the first change.
            if (output != unit.Pending)
            {
                unit.Pending = output;
                quiet.Changed();
            }

            return false;
        }

        unit.Pending = null;
        quiet.Reset();
        return await WriteAsync(unit, output, cancellationToken);
    }

    // Sleeps until a dependency changes, a reload is asked for, or the earliest quiescence timer is due.
    private async Task WaitForWorkAsync(DependencyWatchers watchers, CancellationToken cancellationToken)
    {
        var wake = _wake.Task;
        var changed = watchers.Changes.WaitToReadAsync(cancellationToken).AsTask();
        var due = _quiet.Values.Select(q => q.Remaining).Where(r => r is not null).Select(r => r!.Value).DefaultIfEmpty(Timeout.InfiniteTimeSpan).Min();
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = due == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, stopDelay.Token) : Task.Delay(Max(due, TimeSpan.Zero), _time, stopDelay.Token);
        await Task.WhenAny(wake, changed, timer);
        await stopDelay.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (wake.IsCompleted)
        {
            _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Drain: every answer that arrived while rendering is covered by the next pass.
        while (watchers.Changes.TryRead(out _))
        {
        }
    }

    private void ApplyReload()
    {
        _reloadRequested = false;
        if (TryLoad(out var units, out var error))
        {
            Use(units);
            Log.Reloaded(_logger, units.Count);
        }
        else
        {
            Log.ReloadFailed(_logger, error);
        }
    }

    private void Use(IReadOnlyList<TemplateUnit> units)
    {
        // A reloaded template starts from what its destination holds: identical output is not written again.
        foreach (var unit in units)
        {
            unit.Written = _units.FirstOrDefault(u => u.Spec == unit.Spec)?.Written;
        }

        _units = units;
        _quiet.Clear();
        foreach (var unit in units)
        {
            _quiet[unit] = new Quiescence(_options.Wait, _time);
        }
    }

    private bool TryLoad(out IReadOnlyList<TemplateUnit> units, out string error)
    {
        try
        {
            units = [.. _options.Templates.Select(spec => TemplateUnit.Load(spec, _functions))];
            error = "";
            return true;
        }
        catch (Exception e) when (e is TemplateException or IOException or UnauthorizedAccessException)
        {
            units = [];
            error = e.Message;
            return false;
        }
    }

    private void ReportOnce(TemplateUnit unit, TemplateException error)
    {
        // A broken template fails the same way on every pass; say so once, not on every registry change.
        if (_reportedErrors.Add(error.Message))
        {
            Log.RenderFailed(_logger, unit.Spec.Source, error.Message);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record PassOutcome(bool AllWritten, bool Failed);
}
