namespace Roster.Testing;

/// <summary>
/// Upper bounds on waits for a signal (a line, a port, an exit). They only stop a broken test from hanging;
/// a healthy run never comes near them, and no test asserts how long anything took.
/// </summary>
public static class Timeouts
{
    public static TimeSpan Ready { get; } = TimeSpan.FromSeconds(30);

    public static TimeSpan Exit { get; } = TimeSpan.FromSeconds(15);
}
