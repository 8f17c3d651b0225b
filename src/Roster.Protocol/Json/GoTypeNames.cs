using System.Text.Json.Serialization.Metadata;

namespace Roster.Protocol.Json;

/// <summary>How Go would name a property's type in a decode error (<c>int</c>, <c>[]string</c>, <c>map[string]string</c>).</summary>
internal static class GoTypeNames
{
    public static string Of(JsonTypeInfo type) => type.Kind switch
    {
        JsonTypeInfoKind.Enumerable => "[]" + Of(type.ElementType!),
        JsonTypeInfoKind.Dictionary => "map[" + Of(type.KeyType!) + "]" + Of(type.ElementType!),
        _ => Of(type.Type),
    };

    private static string Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "string",
            TypeCode.Boolean => "bool",
            TypeCode.Int32 => "int",
            TypeCode.Int64 => "int64",
            TypeCode.UInt16 => "uint16",
            TypeCode.UInt32 => "uint32",
            TypeCode.UInt64 => "uint64",
            TypeCode.Byte => "uint8",
            TypeCode.Double => "float64",
            _ when type == typeof(TimeSpan) => "time.Duration",
            _ when type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) => "[]" + Of(element),
            _ when type.IsGenericType && type.GetGenericArguments() is [var key, var value] => "map[" + Of(key) + "]" + Of(value),
            _ => type.Name,
        };
    }
}
