namespace Roster.Client.Tests;

internal static class Signals
{
    /// <summary>A safety net for awaited signals, so a broken test fails instead of hanging; never a sleep.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
}
