using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Roster.Templating.Execution;

/// <summary>
/// Go's fmt printing for the value model: Sprint, Sprintln and the per-verb value printer Sprintf uses.
/// Lists print as [a b], maps as map[k:v] in key order, other objects as {field values}.
/// </summary>
internal static partial class GoFormatter
{
    /// <summary>Nested objects print as {…}; a cap keeps cyclic object graphs from recursing forever.</summary>
    private const int MaxDepth = 32;

    private static readonly ConcurrentDictionary<Type, Func<object, string>?> StringMethods = new();
    private static readonly ConcurrentDictionary<Type, Func<object, object?>[]> StructFields = new();
    private static readonly ConcurrentDictionary<Type, string[]> StructFieldNames = new();

    /// <summary>fmt.Sprint: operands are separated by a space when neither side is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0 && args[i] is not string && args[i - 1] is not string)
            {
                sb.Append(' ');
            }

            FormatArg(sb, args[i], 'v', FormatSpec.None, 0);
        }

        return sb.ToString();
    }

    /// <summary>fmt.Sprintln: always a space between operands, and a trailing newline.</summary>
    public static string Sprintln(IReadOnlyList<object?> args)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            FormatArg(sb, args[i], 'v', FormatSpec.None, 0);
        }

        return sb.Append('\n').ToString();
    }

    public static string Sprint(object? value) => Sprint([value]);

    internal static void FormatArg(StringBuilder sb, object? arg, char verb, FormatSpec spec, int depth)
    {
        if (verb == 'T')
        {
            Pad(sb, GoTypes.NameOf(arg), spec);
            return;
        }

        switch (arg)
        {
            case null:
                if (verb == 'v')
                {
                    Pad(sb, "<nil>", spec);
                }
                else
                {
                    BadVerb(sb, null, verb, spec, depth);
                }

                return;
            case bool b:
                if (verb is 't' or 'v')
                {
                    Pad(sb, b ? "true" : "false", spec);
                }
                else
                {
                    BadVerb(sb, arg, verb, spec, depth);
                }

                return;
            case string s:
                FormatString(sb, s, verb, spec, arg, depth);
                return;
            case double or float or decimal:
                FormatFloat(sb, Convert.ToDouble(arg, CultureInfo.InvariantCulture), arg is float ? 32 : 64, verb, spec, arg, depth);
                return;
            case ulong ul:
                FormatInteger(sb, ul, negative: false, verb, spec, arg, depth);
                return;
        }

        if (GoValues.TryGetInt64(arg, out var integer))
        {
            FormatInteger(sb, integer < 0 ? (ulong)-(integer + 1) + 1 : (ulong)integer, integer < 0, verb, spec, arg, depth);
            return;
        }

        if (verb is 'v' or 's' or 'x' or 'X' or 'q' && StringMethod(arg) is { } toString)
        {
            FormatString(sb, toString(arg), verb, spec, arg, depth);
            return;
        }

        FormatCompound(sb, arg, verb, spec, depth);
    }

    private static void FormatCompound(StringBuilder sb, object arg, char verb, FormatSpec spec, int depth)
    {
        if (arg is Delegate)
        {
            // Go prints a function's address; a name is more useful and stable.
            Pad(sb, "func", spec);
            return;
        }

        if (depth >= MaxDepth)
        {
            sb.Append("{...}");
            return;
        }

        if (MapAccessor.For(arg) is { } map)
        {
            sb.Append("map[");
            var first = true;
            foreach (var (key, value) in map.SortedEntries(arg))
            {
                sb.Append(first ? string.Empty : " ");
                first = false;
                FormatArg(sb, key, verb, spec, depth + 1);
                sb.Append(':');
                FormatArg(sb, value, verb, spec, depth + 1);
            }

            sb.Append(']');
            return;
        }

        if (arg is IEnumerable list)
        {
            sb.Append('[');
            var first = true;
            foreach (var item in list)
            {
                sb.Append(first ? string.Empty : " ");
                first = false;
                FormatArg(sb, item, verb, spec, depth + 1);
            }

            sb.Append(']');
            return;
        }

        var type = arg.GetType();
        var getters = StructFields.GetOrAdd(type, static t => [.. Fields(t).Select(m => m.Getter)]);
        var names = StructFieldNames.GetOrAdd(type, static t => [.. Fields(t).Select(m => m.Name)]);
        sb.Append('{');
        for (var i = 0; i < getters.Length; i++)
        {
            sb.Append(i == 0 ? string.Empty : " ");
            if (spec.PlusV)
            {
                sb.Append(names[i]).Append(':');
            }

            FormatArg(sb, getters[i](arg), verb, spec, depth + 1);
        }

        sb.Append('}');
    }

    private static IEnumerable<(string Name, Func<object, object?> Getter)> Fields(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => (p.Name, (Func<object, object?>)p.GetValue))
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.Name, (Func<object, object?>)f.GetValue)));

    /// <summary>Go's Stringer and error interfaces: a public String() or Error() method, or an exception's message.</summary>
    private static Func<object, string>? StringMethod(object arg) => StringMethods.GetOrAdd(arg.GetType(), static type =>
    {
        if (typeof(Exception).IsAssignableFrom(type))
        {
            return o => ((Exception)o).Message;
        }

        // .NET's own value types (DateTime, Guid, TimeSpan, IPAddress, enums …) print as their invariant text, as
        // Go's time.Time or net.IP print through their String methods, rather than as {field …} dumps.
        if (typeof(IFormattable).IsAssignableFrom(type))
        {
            return o => ((IFormattable)o).ToString(null, CultureInfo.InvariantCulture);
        }

        if (type == typeof(Uri))
        {
            return o => o.ToString()!;
        }

        var method = type.GetMethod("Error", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?? type.GetMethod("String", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        return method is not null && method.ReturnType == typeof(string) ? o => (string?)method.Invoke(o, null) ?? string.Empty : null;
    });

    private static void BadVerb(StringBuilder sb, object? arg, char verb, FormatSpec spec, int depth)
    {
        sb.Append("%!").Append(verb).Append('(');
        if (arg is null)
        {
            sb.Append("<nil>");
        }
        else
        {
            sb.Append(GoTypes.NameOf(arg)).Append('=');
            FormatArg(sb, arg, 'v', spec, depth);
        }

        sb.Append(')');
    }
}
