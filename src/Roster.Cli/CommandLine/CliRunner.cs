using System.CommandLine;

namespace Roster.Cli.CommandLine;

/// <summary>Parses and invokes a command line with the house rules: a usage error is one line on stderr and exit 2.</summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine would print every error followed by the whole help text; one line says more.
            // A word it did not know is the likeliest cause of the others ("Required command was not provided").
            var error = parsed.Errors.FirstOrDefault(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains(t, StringComparison.Ordinal)))
                ?? parsed.Errors[0];
            await Console.Error.WriteLineAsync($"roster: {error.Message} (see 'roster --help')");
            return ExitCodes.Usage;
        }

        // Commands that host a server stop through the generic host's own SIGINT/SIGTERM handling (drain, then exit);
        // System.CommandLine's handler would race it and force an exit code of its own after a timeout.
        ParentWatch.StartIfAsked();
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(configuration);
    }
}
