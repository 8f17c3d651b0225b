using System.Collections;
using Roster.Templating.Execution;

namespace Roster.Templating.Functions;

/// <summary>consul-template's membership tests (in, contains, containsAll/Any/None/NotAll) and loop.</summary>
internal static class CollectionFunctions
{
    /// <summary>Go's in(l, v): an element of list l equal to v (ints with ints, floats with floats, strings with strings), or a substring of string l.</summary>
    public static bool In(object? l, object? v)
    {
        switch (l)
        {
            case string haystack:
                return v is string needle ? haystack.Contains(needle, StringComparison.Ordinal) : NilNeedle(v);
            case IEnumerable list when GoValues.IsList(list):
                foreach (var element in list)
                {
                    if (ElementMatches(element, v))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Go's contains(v, l) = in(l, v), shaped for pipes: <c>{{ .Tags | contains "web" }}</c>.</summary>
    public static bool Contains(object? v, object? l) => In(l, v);

    /// <summary>True when every needle is in l (and for no needles).</summary>
    public static bool ContainsAll(IReadOnlyList<object?>? needles, object? l) => Some(needles, l, returnTrue: true, invert: true);

    /// <summary>True when at least one needle is in l.</summary>
    public static bool ContainsAny(IReadOnlyList<object?>? needles, object? l) => Some(needles, l, returnTrue: false, invert: false);

    /// <summary>True when no needle is in l.</summary>
    public static bool ContainsNone(IReadOnlyList<object?>? needles, object? l) => Some(needles, l, returnTrue: true, invert: false);

    /// <summary>True when at least one needle is missing from l.</summary>
    public static bool ContainsNotAll(IReadOnlyList<object?>? needles, object? l) => Some(needles, l, returnTrue: false, invert: true);

    /// <summary>Go's loop: <c>loop end</c> counts 0..end-1, <c>loop start end</c> start..end-1; strings are parsed as ints.</summary>
    private const long MaxLoopLength = 10_000_000;

    public static IReadOnlyList<long> Loop(params object?[] args)
    {
        var (first, second) = args.Length switch
        {
            1 => ((object?)0L, args[0]),
            2 => (args[0], args[1]),
            _ => throw new InvalidOperationException($"loop: wrong number of arguments, expected 1 or 2, but got {args.Length}"),
        };
        var start = LoopBound(first);
        var stop = LoopBound(second);
        // consul-template's loop is a lazy Go channel; this one is a list, so a huge count would exhaust memory (found by
        // fuzzing: {{loop 100000000000}} took the process down). Past the evaluator's step budget it could never be ranged anyway.
        if (stop > start && (ulong)(stop - start) > MaxLoopLength)
        {
            throw new InvalidOperationException($"loop: {start} to {stop} is more than {MaxLoopLength} values");
        }

        var result = new List<long>();
        for (var i = start; i < stop; i++)
        {
            result.Add(i);
        }

        return result;
    }

    // consul-template's containsSomeFunc: the first needle whose membership differs from `invert` decides.
    private static bool Some(IReadOnlyList<object?>? needles, object? l, bool returnTrue, bool invert)
    {
        foreach (var needle in needles ?? [])
        {
            if (In(l, needle) != invert)
            {
                return !returnTrue;
            }
        }

        return returnTrue;
    }

    private static bool ElementMatches(object? element, object? v) => GoKinds.Of(element) switch
    {
        GoKind.Int => GoKinds.Of(v) == GoKind.Int && GoKinds.Int(element!) == GoKinds.Int(v!),
        GoKind.Float => GoKinds.Of(v) == GoKind.Float && GoKinds.Float(element!) == GoKinds.Float(v!),
        GoKind.String => v is string s ? string.Equals((string)element!, s, StringComparison.Ordinal) : NilNeedle(v),
        _ => false,
    };

    // Go compares the reflect types of needle and element; a nil needle has no type and reflect panics, which
    // text/template reports as the call's error.
    private static bool NilNeedle(object? v) =>
        v is null ? throw new InvalidOperationException("reflect: call of reflect.Value.Type on zero Value") : false;

    private static long LoopBound(object? value) => GoKinds.Of(value) switch
    {
        GoKind.Int => GoKinds.Int(value!),
        GoKind.Uint => unchecked((long)GoKinds.Uint(value!)),
        GoKind.String => ConversionFunctions.ParseInt((string)value!),
        _ => throw new InvalidOperationException($"loop: bad argument type: {GoKinds.TypeName(value)}"),
    };
}
