using System.Collections;
using System.Text;

namespace Roster.Templating.Execution;

/// <summary>How C# values play Go's kinds: integers, floats, strings, maps, lists and structs.</summary>
internal static class GoValues
{
    public static bool IsInteger(object? value) =>
        value is long or int or short or sbyte or byte or ushort or uint or ulong or char;

    public static bool IsFloat(object? value) => value is double or float or decimal;

    /// <summary>Reads any integer as Int64; false for non-integers and for ulong values above Int64.MaxValue.</summary>
    public static bool TryGetInt64(object? value, out long result)
    {
        switch (value)
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte b: result = b; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case char c: result = c; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            default: result = 0; return false;
        }
    }

    /// <summary>A list is any enumerable that is neither a string nor a map.</summary>
    public static bool IsList(object? value) => value is IEnumerable and not string && MapAccessor.For(value) is null;

    /// <summary>A struct is any object that is none of Go's basic kinds, maps, lists or functions.</summary>
    public static bool IsStruct(object? value) =>
        value is not null and not string and not bool and not Delegate and not IEnumerable && !IsInteger(value) && !IsFloat(value);

    public static int ListCount(object list) => list switch
    {
        ICollection collection => collection.Count,
        _ => ((IEnumerable)list).Cast<object?>().Count(),
    };

    public static object? ListItem(object list, int index) => list switch
    {
        IList items => items[index],
        _ => ((IEnumerable)list).Cast<object?>().ElementAt(index),
    };

    /// <summary>Go's isTrue: false, 0, nil and empty strings, lists and maps are false; structs are true.</summary>
    public static bool IsTrue(object? value)
    {
        switch (value)
        {
            case null: return false;
            case bool b: return b;
            case string s: return s.Length > 0;
            case double d: return d != 0;
            case float f: return f != 0;
            case decimal m: return m != 0;
            case ulong ul: return ul != 0;
        }

        if (TryGetInt64(value, out var i))
        {
            return i != 0;
        }

        if (MapAccessor.For(value) is { } map)
        {
            return map.Count(value) > 0;
        }

        return value is not IEnumerable list || ListCount(list) > 0;
    }

    /// <summary>Go strings are UTF-8 bytes: len, index and slice count bytes, not UTF-16 chars.</summary>
    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
