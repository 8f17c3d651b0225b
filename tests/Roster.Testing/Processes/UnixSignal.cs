namespace Roster.Testing.Processes;

/// <summary>The POSIX signals tests send to children (Linux numbering).</summary>
public enum UnixSignal
{
    HangUp = 1,
    Interrupt = 2,
    Kill = 9,
    Terminate = 15,
}
