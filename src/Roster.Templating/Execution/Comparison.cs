using System.Collections;

namespace Roster.Templating.Execution;

/// <summary>Go's eq, ne, lt, le, gt and ge: basic kinds only, integers of any sign compare, int vs float is an error.</summary>
internal static class Comparison
{
    private enum Kind
    {
        Invalid,
        Bool,
        Int,
        Uint,
        Float,
        String,
    }

    public static bool Eq(object? arg1, params object?[] arg2)
    {
        if (arg2.Length == 0)
        {
            throw new GoError("missing argument for comparison");
        }

        var k1 = KindOf(arg1);
        foreach (var arg in arg2)
        {
            var k2 = KindOf(arg);
            bool truth;
            if (k1 != k2)
            {
                if (IsIntegerMix(k1, k2))
                {
                    truth = CompareIntegers(arg1, arg) == 0;
                }
                else if (arg1 is not null && arg is not null)
                {
                    throw new GoError("incompatible types for comparison");
                }
                else
                {
                    truth = false;
                }
            }
            else
            {
                truth = k1 switch
                {
                    Kind.Bool => (bool)arg1! == (bool)arg!,
                    Kind.Int or Kind.Uint => CompareIntegers(arg1, arg) == 0,
                    Kind.Float => Convert.ToDouble(arg1, null) == Convert.ToDouble(arg, null),
                    Kind.String => string.Equals((string)arg1!, (string)arg!, StringComparison.Ordinal),
                    _ => EqualNonBasic(arg1, arg),
                };
            }

            if (truth)
            {
                return true;
            }
        }

        return false;
    }

    public static bool Ne(object? arg1, object? arg2) => !Eq(arg1, arg2);

    public static bool Lt(object? arg1, object? arg2)
    {
        var k1 = KindOf(arg1);
        var k2 = KindOf(arg2);
        if (k1 == Kind.Invalid || k2 == Kind.Invalid)
        {
            throw new GoError("invalid type for comparison");
        }

        if (k1 != k2)
        {
            return IsIntegerMix(k1, k2) ? CompareIntegers(arg1, arg2) < 0 : throw new GoError("incompatible types for comparison");
        }

        return k1 switch
        {
            Kind.Int or Kind.Uint => CompareIntegers(arg1, arg2) < 0,
            Kind.Float => Convert.ToDouble(arg1, null) < Convert.ToDouble(arg2, null),
            Kind.String => string.CompareOrdinal((string)arg1!, (string)arg2!) < 0,
            _ => throw new GoError("invalid type for comparison"),
        };
    }

    public static bool Le(object? arg1, object? arg2) => Lt(arg1, arg2) || Eq(arg1, arg2);

    public static bool Gt(object? arg1, object? arg2) => !Le(arg1, arg2);

    public static bool Ge(object? arg1, object? arg2) => !Lt(arg1, arg2);

    private static Kind KindOf(object? value) => value switch
    {
        bool => Kind.Bool,
        string => Kind.String,
        double or float or decimal => Kind.Float,
        ulong => Kind.Uint,
        _ when GoValues.IsInteger(value) => Kind.Int,
        _ => Kind.Invalid,
    };

    private static bool IsIntegerMix(Kind a, Kind b) => (a, b) is (Kind.Int, Kind.Uint) or (Kind.Uint, Kind.Int);

    private static int CompareIntegers(object? a, object? b) =>
        ToInt128(a).CompareTo(ToInt128(b));

    private static Int128 ToInt128(object? value) =>
        value is ulong ul ? ul : GoValues.TryGetInt64(value, out var l) ? l : 0;

    /// <summary>Go compares other values with ==; maps, lists and functions are not comparable unless one side is nil.</summary>
    private static bool EqualNonBasic(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is IEnumerable or Delegate || b is IEnumerable or Delegate)
        {
            throw new GoError($"non-comparable types {GoFormatter.Sprint(a)}: {GoTypes.NameOf(a)}, {GoTypes.NameOf(b)}: {GoFormatter.Sprint(b)}");
        }

        return a.GetType() == b.GetType() ? a.Equals(b) : throw new GoError("incompatible types for comparison");
    }
}
