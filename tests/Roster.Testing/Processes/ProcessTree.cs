using System.Globalization;

namespace Roster.Testing.Processes;

/// <summary>The children of a process, from /proc (for processes that are not ours, such as HAProxy's workers).</summary>
public static class ProcessTree
{
    public static IReadOnlyList<int> Children(int pid)
    {
        try
        {
            return
            [
                .. File.ReadAllText($"/proc/{pid}/task/{pid}/children")
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => int.Parse(p, CultureInfo.InvariantCulture)),
            ];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
    }
}
