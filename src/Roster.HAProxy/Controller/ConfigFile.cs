using Microsoft.Extensions.Logging;

namespace Roster.HAProxy.Controller;

/// <summary>
/// The live haproxy.cfg. Every candidate is written beside it and checked with <c>haproxy -c</c> first; only a valid
/// one replaces it (by rename, so HAProxy never reads half a file). An invalid one is logged with HAProxy's reason and
/// dropped: the last good config stays, for the running HAProxy and for its next restart.
/// </summary>
internal sealed partial class ConfigFile(string path, Func<string, CancellationToken, Task<ConfigCheckResult>> check, ILogger logger)
{
    private string? _current;

    public string Path => path;

    /// <summary>Whether <paramref name="text"/> is what the live config already holds.</summary>
    public bool Holds(string text) => text == _current;

    /// <summary>True when <paramref name="text"/> is now the live config (also when it already was).</summary>
    public async Task<bool> WriteAsync(string text, CancellationToken cancellationToken)
    {
        if (text == _current)
        {
            return true;
        }

        var candidate = path + ".candidate";
        await File.WriteAllTextAsync(candidate, text, cancellationToken);
        var result = await check(candidate, cancellationToken);
        if (!result.Valid)
        {
            File.Delete(candidate);
            Log.Invalid(logger, result.Reason);
            return false;
        }

        File.Move(candidate, path, overwrite: true);
        _current = text;
        return true;
    }
}
