namespace Roster.Templating.Functions;

/// <summary>
/// consul-template's add, subtract, multiply, divide, modulo, minimum and maximum. The piped value is the left operand
/// (<c>{{ 10 | subtract 3 }}</c> is 7), and results keep Go's kinds: int op int is an int, anything with a float a float.
/// </summary>
internal static class MathFunctions
{
    // Go panics on an integer division by zero; text/template turns the panic into this error.
    private const string DivideByZero = "runtime error: integer divide by zero";

    public static object? Add(object? b, object? a) =>
        Arithmetic("add", b, a, (x, y) => unchecked(x + y), (x, y) => unchecked(x + y), (x, y) => x + y);

    public static object? Subtract(object? b, object? a) =>
        Arithmetic("subtract", b, a, (x, y) => unchecked(x - y), (x, y) => unchecked(x - y), (x, y) => x - y);

    public static object? Multiply(object? b, object? a) =>
        Arithmetic("multiply", b, a, (x, y) => unchecked(x * y), (x, y) => unchecked(x * y), (x, y) => x * y);

    public static object? Divide(object? b, object? a) =>
        Arithmetic("divide", b, a, IntDivide, (x, y) => y == 0 ? throw new DivideByZeroException(DivideByZero) : x / y, (x, y) => x / y);

    public static object? Modulo(object? b, object? a)
    {
        // Go's modulo has no float cases: a float on either side is an "unknown type", a checked first.
        if (GoKinds.Of(a) is not (GoKind.Int or GoKind.Uint))
        {
            throw Unknown("modulo", a);
        }

        if (GoKinds.Of(b) is not (GoKind.Int or GoKind.Uint))
        {
            throw Unknown("modulo", b);
        }

        return Arithmetic("modulo", b, a, IntModulo, (x, y) => y == 0 ? throw new DivideByZeroException(DivideByZero) : x % y, (_, _) => 0d);
    }

    public static object? Minimum(object? b, object? a) => Pick("minimum", b, a, (x, y) => x < y);

    public static object? Maximum(object? b, object? a) => Pick("maximum", b, a, (x, y) => x > y);

    private static long IntDivide(long x, long y) => y switch
    {
        0 => throw new DivideByZeroException(DivideByZero),
        -1 => unchecked(-x), // Go defines MinInt64 / -1 as MinInt64; .NET would throw.
        _ => x / y,
    };

    private static long IntModulo(long x, long y) => y switch
    {
        0 => throw new DivideByZeroException(DivideByZero),
        -1 => 0,
        _ => x % y,
    };

    private static object Arithmetic(
        string name, object? b, object? a, Func<long, long, long> ints, Func<ulong, ulong, ulong> uints, Func<double, double, double> floats)
    {
        var (ak, bk) = (GoKinds.Of(a), GoKinds.Of(b));
        if (ak is not (GoKind.Int or GoKind.Uint or GoKind.Float))
        {
            throw Unknown(name, a);
        }

        if (bk is not (GoKind.Int or GoKind.Uint or GoKind.Float))
        {
            throw Unknown(name, b);
        }

        // Each arm is boxed on its own (a switch's natural type would widen them all to double). Go converts a uint to int64 when the other side is signed, and to float64 when it is a float.
        return (ak, bk) switch
        {
            (GoKind.Uint, GoKind.Uint) => (object)uints(GoKinds.Uint(a!), GoKinds.Uint(b!)),
            (GoKind.Float, _) or (_, GoKind.Float) => (object)floats(GoKinds.Float(a!), GoKinds.Float(b!)),
            _ => (object)ints(ToInt(a!), ToInt(b!)),
        };
    }

    // minimum/maximum return whichever operand wins with its own kind (float64(a) < b returns a as an int).
    private static object Pick(string name, object? b, object? a, Func<double, double, bool> aWins)
    {
        var (ak, bk) = (GoKinds.Of(a), GoKinds.Of(b));
        if (ak is not (GoKind.Int or GoKind.Uint or GoKind.Float))
        {
            throw Unknown(name, a);
        }

        if (bk is not (GoKind.Int or GoKind.Uint or GoKind.Float))
        {
            throw Unknown(name, b);
        }

        var wins = (ak, bk) switch
        {
            (GoKind.Int, GoKind.Int) => CompareInts(GoKinds.Int(a!), GoKinds.Int(b!), aWins),
            (GoKind.Uint, GoKind.Uint) => CompareInts(GoKinds.Uint(a!).CompareTo(GoKinds.Uint(b!)), 0, aWins),
            (GoKind.Float, _) or (_, GoKind.Float) => aWins(GoKinds.Float(a!), GoKinds.Float(b!)),
            _ => CompareInts(ToInt(a!), ToInt(b!), aWins),
        };
        return wins ? Normalize(a!) : Normalize(b!);
    }

    private static bool CompareInts(long x, long y, Func<double, double, bool> aWins) => aWins(x.CompareTo(y), 0);

    private static long ToInt(object value) => GoKinds.Of(value) == GoKind.Uint ? unchecked((long)GoKinds.Uint(value)) : GoKinds.Int(value);

    private static object Normalize(object value) => GoKinds.Of(value) switch
    {
        // Each arm boxed on its own: a switch's natural type would widen them all to double.
        GoKind.Int => (object)GoKinds.Int(value),
        GoKind.Uint => (object)GoKinds.Uint(value),
        _ => (object)GoKinds.Float(value),
    };

    private static InvalidOperationException Unknown(string name, object? value) =>
        new($"{name}: unknown type for {GoKinds.QuoteValue(value)} ({GoKinds.TypeName(value)})");
}
