using System.Collections;
using Roster.Templating.Execution;

namespace Roster.Templating.Functions;

/// <summary>Classifies C# values by Go kind and renders them the way consul-template's %q/%T error texts do.</summary>
internal static class GoKinds
{
    public static GoKind Of(object? value) => value switch
    {
        long or int or short or sbyte => GoKind.Int,
        ulong or uint or ushort or byte => GoKind.Uint,
        double or float => GoKind.Float,
        string => GoKind.String,
        _ => GoKind.Other,
    };

    public static long Int(object value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    public static ulong Uint(object value) => Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);

    public static double Float(object value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Go's %T: the engine's Go type names, <c>&lt;nil&gt;</c> for nil.</summary>
    public static string TypeName(object? value) => GoTypes.NameOf(value);

    /// <summary>Go's %q of a reflect.Value: quoted strings, Go's bad-verb form for other kinds.</summary>
    public static string QuoteValue(object? value) => value switch
    {
        null => "<invalid reflect.Value>",
        string s => GoQuote.Quote(s),
        bool b => $"%!q(bool={(b ? "true" : "false")})",
        IEnumerable list when GoValues.IsList(list) => "[" + string.Join(' ', list.Cast<object?>().Select(QuoteValue)) + "]",
        _ => $"%!q({TypeName(value)}={value})",
    };
}
