namespace Roster.Templating.Execution;

/// <summary>Go's builtin functions (text/template funcs.go), as delegates in the same calling contract as user functions.</summary>
internal static class Builtins
{
    public static IEnumerable<(string Name, Delegate Function, BuiltinKind Kind)> All { get; } =
    [
        ("and", new Func<object?, object?[], object?>(And), BuiltinKind.And),
        ("or", new Func<object?, object?[], object?>(Or), BuiltinKind.Or),
        ("call", new Func<object?, object?[], object?>(CallPlaceholder), BuiltinKind.Call),
        ("not", new Func<object?, bool>(arg => !GoValues.IsTrue(arg)), BuiltinKind.None),
        ("len", new Func<object?, long>(Indexing.Length), BuiltinKind.None),
        ("index", new Func<object?, object?[], object?>(Indexing.Index), BuiltinKind.None),
        ("slice", new Func<object?, object?[], object?>(Indexing.Slice), BuiltinKind.None),
        ("print", new Func<object?[], string>(Print), BuiltinKind.None),
        ("printf", new Func<string, object?[], string>(Printf), BuiltinKind.None),
        ("println", new Func<object?[], string>(Println), BuiltinKind.None),
        ("eq", new Func<object?, object?[], bool>(Comparison.Eq), BuiltinKind.None),
        ("ne", new Func<object?, object?, bool>(Comparison.Ne), BuiltinKind.None),
        ("lt", new Func<object?, object?, bool>(Comparison.Lt), BuiltinKind.None),
        ("le", new Func<object?, object?, bool>(Comparison.Le), BuiltinKind.None),
        ("gt", new Func<object?, object?, bool>(Comparison.Gt), BuiltinKind.None),
        ("ge", new Func<object?, object?, bool>(Comparison.Ge), BuiltinKind.None),
        ("html", new Func<object?[], string>(Escaping.Html), BuiltinKind.None),
        ("js", new Func<object?[], string>(Escaping.JavaScript), BuiltinKind.None),
        ("urlquery", new Func<object?[], string>(Escaping.UrlQuery), BuiltinKind.None),
    ];

    public static object? And(object? arg0, params object?[] args)
    {
        if (!GoValues.IsTrue(arg0))
        {
            return arg0;
        }

        foreach (var arg in args)
        {
            if (!GoValues.IsTrue(arg))
            {
                return arg;
            }

            arg0 = arg;
        }

        return arg0;
    }

    public static object? Or(object? arg0, params object?[] args)
    {
        if (GoValues.IsTrue(arg0))
        {
            return arg0;
        }

        foreach (var arg in args)
        {
            if (GoValues.IsTrue(arg))
            {
                return arg;
            }

            arg0 = arg;
        }

        return arg0;
    }

    public static string Print(params object?[] args) => GoFormatter.Sprint(args);

    public static string Printf(string format, params object?[] args) => GoPrintf.Sprintf(format, args);

    public static string Println(params object?[] args) => GoFormatter.Sprintln(args);

    /// <summary>The evaluator runs call itself (it needs the callee's name); this only gives the entry its shape.</summary>
    private static object? CallPlaceholder(object? function, params object?[] args) =>
        throw new InvalidOperationException("call is evaluated by the template evaluator");
}
