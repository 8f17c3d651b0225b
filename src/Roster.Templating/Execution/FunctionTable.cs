using System.Collections.Immutable;

namespace Roster.Templating.Execution;

/// <summary>
/// An immutable set of template functions: Go's builtins plus any registered with <see cref="With(string, Delegate)"/>.
/// </summary>
/// <remarks>
/// <para>The calling contract. A function is any delegate that returns a value. Its arguments are evaluated and then
/// converted to each parameter's type:</para>
/// <list type="bullet">
/// <item><c>object?</c> takes any value as-is (null for Go's nil or a missing map key);</item>
/// <item><c>string</c> needs a string and <c>bool</c> a bool; <c>long</c> and <c>int</c> take integers (range-checked);
/// <c>double</c> takes floats and integers;</item>
/// <item>any other type takes a value assignable to it (so a record or an interface works), and null when the type is a
/// reference or nullable type; besides, <c>IEnumerable&lt;object?&gt;</c>/<c>IReadOnlyList&lt;object?&gt;</c> take any list
/// (also <c>List&lt;long&gt;</c>) and <c>IReadOnlyDictionary&lt;string, object?&gt;</c> any string-keyed map;</item>
/// <item>a final <c>params T[]</c> parameter makes the function variadic;</item>
/// <item>untyped numeric constants in the template convert to the parameter's numeric type, as Go converts constants.</item>
/// </list>
/// <para>The piped value is passed as the last argument: <c>{{ .Tags | join "," }}</c> calls <c>join(",", .Tags)</c>.</para>
/// <para>A mismatch fails the render with Go's message, e.g. <c>wrong type for value; expected string; got int</c>
/// (Go's names: string, int, float64, bool, map[string]interface {}, []interface {}, else the C# type name), or
/// <c>wrong number of args for NAME: want N got M</c>. An exception thrown by the function fails the render with
/// <c>error calling NAME: MESSAGE</c>.</para>
/// </remarks>
public sealed class FunctionTable
{
    private readonly ImmutableDictionary<string, FunctionEntry> _functions;

    private FunctionTable(ImmutableDictionary<string, FunctionEntry> functions) => _functions = functions;

    /// <summary>Go's builtins: and or not len index slice print printf println eq ne lt le gt ge html js urlquery call.</summary>
    public static FunctionTable Builtins { get; } = new(Execution.Builtins.All.ToImmutableDictionary(
        b => b.Name,
        b => new FunctionEntry(b.Name, b.Function, Callable.FromDelegate(b.Function), b.Kind),
        StringComparer.Ordinal));

    /// <summary>Returns a new table with <paramref name="function"/> registered as <paramref name="name"/>, replacing any earlier one.</summary>
    public FunctionTable With(string name, Delegate function) => With([new KeyValuePair<string, Delegate>(name, function)]);

    /// <summary>Returns a new table with all <paramref name="functions"/> registered; later entries win.</summary>
    public FunctionTable With(IEnumerable<KeyValuePair<string, Delegate>> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var builder = _functions.ToBuilder();
        foreach (var (name, function) in functions)
        {
            ArgumentNullException.ThrowIfNull(function);
            if (!IsValidName(name))
            {
                throw new ArgumentException($"function name {name} is not a valid identifier", nameof(functions));
            }

            var callable = Callable.FromDelegate(function);
            if (callable.ReturnsVoid)
            {
                throw new ArgumentException($"can't install method/function \"{name}\" with 0 results", nameof(functions));
            }

            builder[name] = new FunctionEntry(name, function, callable, BuiltinKind.None);
        }

        return new FunctionTable(builder.ToImmutable());
    }

    /// <summary>Whether a function of this name is registered (builtins included).</summary>
    public bool Contains(string name) => _functions.ContainsKey(name);

    internal FunctionEntry? Lookup(string name) => _functions.GetValueOrDefault(name);

    /// <summary>Go's goodName: a letter or underscore, then letters, digits or underscores.</summary>
    private static bool IsValidName(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => c == '_' || char.IsLetterOrDigit(c));
}
