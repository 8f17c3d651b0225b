using System.Globalization;

namespace Roster.Templating.Execution;

/// <summary>
/// Go's validateType for evaluated values: fits a value to a parameter type or explains why not,
/// in Go's words (<c>wrong type for value; expected string; got int</c>).
/// </summary>
internal static class ArgumentConverter
{
    public static bool CanBeNil(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    public static bool TryConvert(object? value, Type type, out object? result, out string? error)
    {
        result = value;
        error = null;
        if (value is null)
        {
            if (CanBeNil(type))
            {
                return true;
            }

            error = "invalid value; expected " + GoTypes.NameOf(type);
            return false;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(object) || target.IsInstanceOfType(value))
        {
            return true;
        }

        if (IsIntegral(target) && GoValues.TryGetInt64(value, out var integer))
        {
            try
            {
                result = Convert.ChangeType(integer, target, CultureInfo.InvariantCulture);
                return true;
            }
            catch (OverflowException)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"value {integer} overflows {GoTypes.NameOf(target)}");
                return false;
            }
        }

        // Contract (see FunctionTable): a double parameter takes integers as well as floats.
        if ((target == typeof(double) || target == typeof(float) || target == typeof(decimal)) && (GoValues.IsFloat(value) || GoValues.IsInteger(value)))
        {
            result = Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
            return true;
        }

        // Contract (see FunctionTable): any list fits an IEnumerable<object?> / IReadOnlyList<object?> parameter and any
        // string-keyed map an IReadOnlyDictionary<string, object?> one, although C# variance alone would refuse List<long>.
        if (target.IsAssignableFrom(typeof(List<object?>)) && GoValues.IsList(value))
        {
            result = ((System.Collections.IEnumerable)value).Cast<object?>().ToList();
            return true;
        }

        if (target.IsAssignableFrom(typeof(Dictionary<string, object?>)) && MapAccessor.For(value) is { } map && map.KeyType == typeof(string))
        {
            result = map.Entries(value).ToDictionary(e => (string)e.Key, e => e.Value, StringComparer.Ordinal);
            return true;
        }

        error = $"wrong type for value; expected {GoTypes.NameOf(type)}; got {GoTypes.NameOf(value)}";
        return false;
    }

    public static bool IsIntegral(Type type) => Type.GetTypeCode(type) is TypeCode.Int64 or TypeCode.Int32 or TypeCode.Int16
        or TypeCode.SByte or TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64;
}
