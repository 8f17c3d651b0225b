namespace Roster.EndToEnd.Tests.Faults;

/// <summary>A fact that needs root (to mount a tmpfs); skipped, with the reason, for any other user.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(string why)
    {
        if (!MountPoint.IsRoot)
        {
            Skip = $"needs root ({why}); this run's user id is not 0";
        }
    }
}
