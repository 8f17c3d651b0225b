using System.Collections;

namespace Roster.Templating.Execution;

/// <summary>Go's names for the C# types that stand for Go values, used in error messages and printf's %T.</summary>
internal static class GoTypes
{
    public static string NameOf(object? value) => value is null ? "<nil>" : NameOf(value.GetType());

    public static string NameOf(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return NameOf(underlying);
        }

        if (type == typeof(object))
        {
            return "interface {}";
        }

        if (Primitive(type) is { } primitive)
        {
            return primitive;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return "func";
        }

        if (MapAccessor.ForType(type) is { } map)
        {
            return $"map[{NameOf(map.KeyType)}]{NameOf(map.ValueType)}";
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return "[]" + NameOf(ElementType(type));
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private static string? Primitive(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.String => "string",
        TypeCode.Boolean => "bool",
        TypeCode.Int64 => "int",
        TypeCode.Int32 => "int",
        TypeCode.Int16 => "int16",
        TypeCode.SByte => "int8",
        TypeCode.Byte => "uint8",
        TypeCode.UInt16 => "uint16",
        TypeCode.UInt32 => "uint32",
        TypeCode.UInt64 => "uint64",
        TypeCode.Double => "float64",
        TypeCode.Single => "float32",
        TypeCode.Char => "int32",
        _ => null,
    };

    private static Type ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType()!;
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0] ?? typeof(object);
    }
}
