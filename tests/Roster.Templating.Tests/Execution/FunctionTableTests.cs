using Roster.Templating.Execution;

namespace Roster.Templating.Tests.Execution;

/// <summary>The calling contract FunctionTable documents, which the consul-template functions rely on.</summary>
public class FunctionTableTests
{
    [Fact]
    public void Builtins_ContainsGoBuiltins()
    {
        foreach (var name in "and or not len index slice print printf println eq ne lt le gt ge html js urlquery call".Split(' '))
        {
            Assert.True(FunctionTable.Builtins.Contains(name), name);
        }
    }

    [Fact]
    public void With_SameNameTwice_LaterWinsAndOriginalIsUnchanged()
    {
        var first = FunctionTable.Builtins.With("f", () => "one");
        var second = first.With([new("f", () => "two"), new("g", () => "g")]);
        Assert.Equal("one", GoTemplate.Parse("t", "{{f}}", first).Execute(null));
        Assert.Equal("two", GoTemplate.Parse("t", "{{f}}", second).Execute(null));
        Assert.False(first.Contains("g"));
    }

    [Fact]
    public void With_VoidDelegate_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => FunctionTable.Builtins.With("log", new Action<string>(_ => { })));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("a-b")]
    public void With_BadFunctionName_IsRejected(string name)
    {
        Assert.Throws<ArgumentException>(() => FunctionTable.Builtins.With(name, () => 0));
    }

    [Theory]
    [InlineData("_")]
    [InlineData("a")]
    [InlineData("a1")]
    [InlineData("Ӵ")]
    public void With_GoodFunctionName_IsAccepted(string name)
    {
        Assert.True(FunctionTable.Builtins.With(name, () => 0).Contains(name));
    }

    [Fact]
    public void Parse_UndefinedFunction_IsAParseError()
    {
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "hello {{x 1}}", FunctionTable.Builtins));
        Assert.Equal("template: t:1:9: function \"x\" not defined", exception.Message);
    }

    [Fact]
    public void Execute_PipedValue_IsTheLastArgument()
    {
        var funcs = FunctionTable.Builtins.With("join", (string sep, IEnumerable<object?> items) => string.Join(sep, items));
        Assert.Equal("a,b", GoTemplate.Parse("t", "{{ .Tags | join \",\" }}", funcs).Execute(new { Tags = new List<object?> { "a", "b" } }));
    }

    [Fact]
    public void Execute_ParamsArray_MakesFunctionVariadic()
    {
        var funcs = FunctionTable.Builtins.With("sum", (long first, params long[] rest) => first + rest.Sum());
        Assert.Equal("1 6", GoTemplate.Parse("t", "{{sum 1}} {{sum 1 2 3}}", funcs).Execute(null));
    }

    [Fact]
    public void Execute_DoubleParameter_TakesIntegerValuesAndConstants()
    {
        var funcs = FunctionTable.Builtins.With("half", (double x) => x / 2);
        Assert.Equal("1.5 2.5 0.25", GoTemplate.Parse("t", "{{half 3}} {{half .}} {{half 0.5}}", funcs).Execute(5L));
    }

    [Fact]
    public void Execute_IntParameter_TakesIntegersInRange()
    {
        var funcs = FunctionTable.Builtins.With("twice", (int x) => x * 2);
        Assert.Equal("8", GoTemplate.Parse("t", "{{twice .}}", funcs).Execute(4L));
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "{{twice .}}", funcs).Execute(long.MaxValue));
        Assert.Contains("overflows", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WrongValueType_ReportsGoTypeNames()
    {
        var funcs = FunctionTable.Builtins.With("upper", (string s) => s.ToUpperInvariant());
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "{{. | upper}}", funcs).Execute(3L));
        Assert.Equal("template: t:1:6: executing \"t\" at <upper>: wrong type for value; expected string; got int", exception.Message);
    }

    [Fact]
    public void Execute_WrongConstantType_ReportsGoConstantMessage()
    {
        var funcs = FunctionTable.Builtins.With("upper", (string s) => s.ToUpperInvariant());
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "{{upper 3}}", funcs).Execute(null));
        Assert.EndsWith("expected string; found 3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WrongArgumentCount_ReportsWantAndGot()
    {
        var funcs = FunctionTable.Builtins.With("pair", (string a, string b) => a + b);
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "{{pair \"a\"}}", funcs).Execute(null));
        Assert.EndsWith("wrong number of args for pair: want 2 got 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_FunctionThrows_ReportsErrorCalling()
    {
        var funcs = FunctionTable.Builtins.With("boom", new Func<string>(() => throw new FormatException("bad input")));
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "{{boom}}", funcs).Execute(null));
        Assert.Equal("template: t:1:2: executing \"t\" at <boom>: error calling boom: bad input", exception.Message);
        Assert.IsType<FormatException>(exception.InnerException);
    }

    [Fact]
    public void Execute_ObjectAndRecordParameters_TakeValuesAsIs()
    {
        var funcs = FunctionTable.Builtins
            .With("kind", (object? v) => v is null ? "nil" : v.GetType().Name)
            .With("port", (Service s) => s.Port);
        Assert.Equal("nil Int64 8080", GoTemplate.Parse("t", "{{kind nil}} {{kind 1}} {{port .}}", funcs).Execute(new Service(8080)));
    }

    [Fact]
    public void Execute_NilForNonNullableValueType_IsInvalidValue()
    {
        var funcs = FunctionTable.Builtins.With("inc", (long x) => x + 1);
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "{{.Missing | inc}}", funcs).Execute(new Dictionary<string, object?>()));
        Assert.EndsWith("invalid value; expected int", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ObjectListAndMapParameters_TakeAnyListOrStringKeyedMap()
    {
        var funcs = FunctionTable.Builtins
            .With("count", (IReadOnlyList<object?> items) => items.Count)
            .With("keys", (IReadOnlyDictionary<string, object?> map) => string.Join(',', map.Keys.Order(StringComparer.Ordinal)));
        var data = new { Ports = new List<long> { 80, 443 }, Meta = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } };
        Assert.Equal("2 a,b", GoTemplate.Parse("t", "{{count .Ports}} {{keys .Meta}}", funcs).Execute(data));
    }

    public sealed record Service(long Port);
}
