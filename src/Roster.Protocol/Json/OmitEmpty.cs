using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace Roster.Protocol.Json;

/// <summary>The contract modifier behind <see cref="OmitEmptyAttribute"/>.</summary>
internal static class OmitEmpty
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(OmitEmptyAttribute), inherit: false) == true)
            {
                property.ShouldSerialize = static (_, value) => !IsEmpty(value);
            }
        }
    }

    /// <summary>Go's notion of an empty value; records are never empty, as Go never omits a struct.</summary>
    internal static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        uint u => u == 0,
        ulong u => u == 0,
        ushort u => u == 0,
        byte u => u == 0,
        double d => d == 0,
        TimeSpan t => t == TimeSpan.Zero,
        ReadOnlyMemory<byte> m => m.IsEmpty,
        ICollection c => c.Count == 0,
        IEnumerable e => !HasAny(e),
        _ => false,
    };

    private static bool HasAny(IEnumerable items)
    {
        var enumerator = items.GetEnumerator();
        try
        {
            return enumerator.MoveNext();
        }
        finally
        {
            (enumerator as IDisposable)?.Dispose();
        }
    }
}
