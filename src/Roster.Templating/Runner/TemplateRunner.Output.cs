using System.Text;
using Roster.Templating.Output;
using Roster.Templating.Rendering;

namespace Roster.Templating.Runner;

/// <summary>What a pass produces: the destination written (or printed with -dry), then the template's command.</summary>
public sealed partial class TemplateRunner
{
    private async Task<bool> WriteAsync(TemplateUnit unit, string output, CancellationToken cancellationToken)
    {
        if (_options.Dry || unit.Spec.Destination is null)
        {
            Console.Out.Write($"> {unit.Spec.Destination ?? "stdout"}\n{output}");
            await Console.Out.FlushAsync(cancellationToken);
            unit.Written = output;
            return false;
        }

        try
        {
            var changed = await AtomicFile.WriteIfChangedAsync(unit.Spec.Destination, Encoding.UTF8.GetBytes(output), ct: cancellationToken);
            unit.Written = output;
            if (changed)
            {
                Log.Rendered(_logger, unit.Spec.Source, unit.Spec.Destination);
            }

            return changed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The previous file stays as it was; the next change tries again.
            Log.WriteFailed(_logger, unit.Spec.Destination, e.Message);
            return false;
        }
    }

    private async Task RunCommandAsync(string command, CancellationToken cancellationToken)
    {
        var result = await _commands.RunAsync(command, _options.CommandEnvironment, _options.CommandTimeout, cancellationToken);
        if (result.TimedOut)
        {
            Log.CommandTimedOut(_logger, command, _options.CommandTimeout);
        }
        else if (result.ExitCode != 0)
        {
            Log.CommandFailed(_logger, command, result.ExitCode);
        }
        else
        {
            Log.CommandRan(_logger, command, result.Duration.TotalMilliseconds);
        }
    }
}
