using System.Collections.Immutable;
using System.Globalization;

namespace Roster.Services.Hosting;

/// <summary>The metadata every instance registers with: its PID, which the dashboard and <c>roster status</c> show.</summary>
internal static class InstanceMeta
{
    public static IReadOnlyDictionary<string, string> Current { get; } =
        ImmutableDictionary<string, string>.Empty.Add("pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
}
