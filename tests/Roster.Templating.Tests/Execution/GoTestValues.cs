using Roster.Templating.Execution;

namespace Roster.Templating.Tests.Execution;

/// <summary>Go's tVal and the FuncMap testExecute installs.</summary>
public static class GoTestValues
{
    public static T TVal { get; } = new()
    {
        True = true,
        I = 17,
        U16 = 16,
        X = "x",
        S = "xyz",
        U = new U { V = "v" },
        V0 = new V(6666),
        V1 = new V(7777),
        W0 = new W(888),
        W1 = new W(999),
        SI = [3, 4, 5],
        AI = [3, 4, 5],
        SB = [true, false],
        MSI = new() { ["one"] = 1, ["two"] = 2, ["three"] = 3 },
        MSIone = new() { ["one"] = 1 },
        MXI = new() { ["one"] = 1 },
        MII = new() { [1] = 1 },
        MI32S = new() { [1] = "one", [2] = "two" },
        MI64S = new() { [2] = "i642", [3] = "i643" },
        MUI32S = new() { [2] = "u322", [3] = "u323" },
        MUI64S = new() { [2] = "ui642", [3] = "ui643" },
        MI8S = new() { [2] = "i82", [3] = "i83" },
        MUI8S = new() { [2] = "u82", [3] = "u83" },
        SMSI = [new() { ["one"] = 1, ["two"] = 2 }, new() { ["eleven"] = 11, ["twelve"] = 12 }],
        Empty1 = 3L,
        Empty2 = "empty2",
        Empty3 = new long[] { 7, 8 },
        Empty4 = new U { V = "UinEmpty" },
        NonEmptyInterface = new T { X = "x" },
        NonEmptyInterfacePtS = ["a", "b"],
        Str = new Buffer("foozle"),
        Err = new InvalidOperationException("erroozle"),
        PI = 23,
        PS = "a string",
        PSI = [21, 22, 23],
        BinaryFunc = (a, b) => $"[{a}={b}]",
        VariadicFunc = s => "<" + string.Join('+', s) + ">",
        VariadicFuncInt = (a, s) => a + "=<" + string.Join('+', s) + ">",
        NilOKFunc = s => s is null,
        ErrFunc = () => "bla",
        PanicFunc = () => throw new InvalidOperationException("test panic"),
    };

    public static FunctionTable Funcs { get; } = FunctionTable.Builtins.With(new Dictionary<string, Delegate>
    {
        ["add"] = (params long[] args) => args.Sum(),
        ["dddArg"] = (long a, params string[] b) => $"{a} [{string.Join(' ', b)}]\n",
        ["die"] = new Func<bool>(() => throw new InvalidOperationException("die")),
        ["echo"] = (object? arg) => arg,
        ["makemap"] = (params string[] arg) => Enumerable.Range(0, arg.Length / 2).ToDictionary(i => arg[2 * i], i => arg[(2 * i) + 1]),
        ["mapOfThree"] = () => (object)new Dictionary<string, long> { ["three"] = 3 },
        ["oneArg"] = (string a) => "oneArg=" + a,
        ["returnInt"] = () => 7L,
        ["stringer"] = (IStringer s) => s.String(),
        ["twoArgs"] = (string a, string b) => "twoArgs=" + a + b,
        ["typeOf"] = (object? arg) => GoTypes.NameOf(arg),
        ["valueString"] = (string v) => "value is ignored",
        ["vfunc"] = (V a, V? b) => "vfunc",
        ["zeroArgs"] = () => "zeroArgs",
    });
}
