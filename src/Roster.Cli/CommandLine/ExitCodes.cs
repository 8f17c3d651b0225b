namespace Roster.Cli.CommandLine;

/// <summary>The process exit codes every roster command uses.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;

    /// <summary>Bad flags or arguments, or an address that cannot be used: the user has something to fix.</summary>
    public const int Usage = 2;
}
