using System.Runtime.InteropServices;

namespace Roster.Cli.CommandLine;

/// <summary>
/// Lets a supervisor (<c>roster up</c>) stop its children even when it is SIGKILLed: a child started with
/// <see cref="Variable"/> set treats the end of its stdin, a pipe only the supervisor holds, as SIGTERM.
/// </summary>
/// <remarks>
/// The kernel closes the pipe when the supervisor dies, however it dies, so no child outlives it. Raising SIGTERM,
/// rather than cancelling something here, lets every command stop the way it already does on SIGTERM (services
/// deregister and drain, roster lb stops HAProxy). PR_SET_PDEATHSIG would need every start to come from one
/// long-lived thread (it fires when the forking thread ends), which .NET's Process cannot promise.
/// </remarks>
internal static class ParentWatch
{
    public const string Variable = "ROSTER_STOP_ON_STDIN_EOF";

    private const int SigTerm = 15;

    public static void StartIfAsked()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return;
        }

        // Only this process watches its parent: whatever it starts (HAProxy, template commands) must not inherit the setting.
        Environment.SetEnvironmentVariable(Variable, null);
        var thread = new Thread(WaitForEndOfInput) { IsBackground = true, Name = "parent watch" };
        thread.Start();
    }

    private static void WaitForEndOfInput()
    {
        using var input = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (input.Read(buffer) > 0)
        {
            // The supervisor never writes; anything that arrives is ignored.
        }

        _ = kill(Environment.ProcessId, SigTerm);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
