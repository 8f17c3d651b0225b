namespace Roster.Templating.Runner;

/// <summary>consul-template's exit codes (cli.go), which scripts around it test.</summary>
public static class TemplateExitCodes
{
    /// <summary>Done (-once), or nothing went wrong.</summary>
    public const int Ok = 0;

    /// <summary>Stopped by SIGINT or SIGTERM.</summary>
    public const int Interrupted = 12;

    /// <summary>A template that cannot be read or parsed, or a render error in -once mode.</summary>
    public const int RunnerError = 14;
}
