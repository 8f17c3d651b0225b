using System.Collections.Immutable;

namespace Roster.Templating.Data;

/// <summary>Shared empty maps, the records' defaults: a Go nil map prints as <c>map[]</c> and ranges over nothing.</summary>
internal static class EmptyMaps
{
    public static IReadOnlyDictionary<string, string> Strings { get; } = ImmutableDictionary<string, string>.Empty;

    public static IReadOnlyDictionary<string, ServiceAddress> Addresses { get; } = ImmutableDictionary<string, ServiceAddress>.Empty;
}
