// These types mirror exec_test.go so Go's cases port verbatim: Go's names (String, Error) and instance
// methods that a template calls on a value, which is why they are not static.
#pragma warning disable CA1822, CA1716, CA1720

namespace Roster.Templating.Tests.Execution;

/// <summary>Go's stand-alone test function types: a variadic func(...string) and func(int, ...string).</summary>
public delegate string VariadicStrings(params string[] s);

public delegate string VariadicIntStrings(long a, params string[] s);

/// <summary>Go's fmt.Stringer, for the "Interface Call" case.</summary>
public interface IStringer
{
    string String();
}

/// <summary>Go's test interface I { Method0() string }.</summary>
public interface IMethod0
{
    string Method0();
}

/// <summary>Go's U: a nested struct.</summary>
public sealed class U
{
    public string V { get; init; } = string.Empty;

    public string TrueFalse(bool b) => b ? "true" : string.Empty;
}

/// <summary>Go's V: its String method makes it a Stringer.</summary>
public sealed class V(int j)
{
    public string String() => $"<{j}>";
}

/// <summary>Go's W: its Error method makes it an error value.</summary>
public sealed class W(int k)
{
    public string Error() => $"[{k}]";
}

/// <summary>Stands in for Go's bytes.Buffer holding "foozle".</summary>
public sealed class Buffer(string text) : IStringer
{
    public string String() => text;
}

/// <summary>Go's exec_test.go T, with C# value-model types: int is long, pointers are nullable, slices are arrays.</summary>
public sealed class T : IMethod0
{
    public bool True { get; init; }

    public long I { get; init; }

    public long U16 { get; init; }

    public string X { get; init; } = string.Empty;

    public string S { get; init; } = string.Empty;

    public double FloatZero { get; init; }

    public U? U { get; init; }

    public V? V0 { get; init; }

    public V? V1 { get; init; }

    public V? V2 { get; init; }

    public W? W0 { get; init; }

    public W? W1 { get; init; }

    public W? W2 { get; init; }

    public long[]? SI { get; init; }

    public long[] SIEmpty { get; init; } = [];

    public bool[]? SB { get; init; }

    public long[]? AI { get; init; }

    public Dictionary<string, long>? MSI { get; init; }

    public Dictionary<string, long>? MSIone { get; init; }

    public Dictionary<string, long> MSIEmpty { get; init; } = [];

    public Dictionary<object, long>? MXI { get; init; }

    public Dictionary<long, long>? MII { get; init; }

    public Dictionary<int, string>? MI32S { get; init; }

    public Dictionary<long, string>? MI64S { get; init; }

    public Dictionary<uint, string>? MUI32S { get; init; }

    public Dictionary<ulong, string>? MUI64S { get; init; }

    public Dictionary<sbyte, string>? MI8S { get; init; }

    public Dictionary<byte, string>? MUI8S { get; init; }

    public List<Dictionary<string, long>>? SMSI { get; init; }

    public object? Empty0 { get; init; }

    public object? Empty1 { get; init; }

    public object? Empty2 { get; init; }

    public object? Empty3 { get; init; }

    public object? Empty4 { get; init; }

    public IMethod0? NonEmptyInterface { get; init; }

    public string[]? NonEmptyInterfacePtS { get; init; }

    public IStringer? Str { get; init; }

    public Exception? Err { get; init; }

    public long? PI { get; init; }

    public string? PS { get; init; }

    public long[]? PSI { get; init; }

    public long? NIL { get; init; }

    public Func<string, string, string>? BinaryFunc { get; init; }

    public VariadicStrings? VariadicFunc { get; init; }

    public VariadicIntStrings? VariadicFuncInt { get; init; }

    public Func<long?, bool>? NilOKFunc { get; init; }

    public Func<string>? ErrFunc { get; init; }

    public Func<string>? PanicFunc { get; init; }

#pragma warning disable IDE0052, CA1823, CS0414 // Go's unexported field: present but not reachable from a template.
    private readonly long unexported = 1;
#pragma warning restore IDE0052, CA1823, CS0414

    public string Method0() => "M0";

    public long Method1(long a) => a;

    public string Method2(long a, string b) => $"Method2: {a} {b}";

    public string Method3(object? v) => "Method3: " + (v ?? "<nil>");

    public T Copy() => (T)MemberwiseClone();

    public long[] MAdd(long a, long[] b) => [.. b.Select(x => x + a)];

    /// <summary>Go returns (bool, error); a C# method throws instead of returning the error.</summary>
    public bool MyError(bool error) => error ? throw new InvalidOperationException("my error") : false;

    public U? GetU() => U;
}
