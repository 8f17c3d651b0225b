using Roster.Templating.Execution;

namespace Roster.Templating.Tests.Execution;

/// <summary>
/// Go's cmpTests (TestComparison). Skipped: complex numbers, pointers, Go struct values (V1/V2) and
/// interface values, which have no counterpart in the value model.
/// </summary>
public class ComparisonTests
{
    public static TheoryData<string, string, bool> CmpTests => new()
    {
        { "eq true true", "true", true },
        { "eq true false", "false", true },
        { "eq 1.5 1.5", "true", true },
        { "eq 1.5 2.5", "false", true },
        { "eq 1 1", "true", true },
        { "eq 1 2", "false", true },
        { "eq `xy` `xy`", "true", true },
        { "eq `xy` `xyz`", "false", true },
        { "eq .Uthree .Uthree", "true", true },
        { "eq .Uthree .Ufour", "false", true },
        { "eq 3 4 5 6 3", "true", true },
        { "eq 3 4 5 6 7", "false", true },
        { "ne true true", "false", true },
        { "ne true false", "true", true },
        { "ne 1.5 1.5", "false", true },
        { "ne 1.5 2.5", "true", true },
        { "ne 1 1", "false", true },
        { "ne 1 2", "true", true },
        { "ne `xy` `xy`", "false", true },
        { "ne `xy` `xyz`", "true", true },
        { "ne .Uthree .Uthree", "false", true },
        { "ne .Uthree .Ufour", "true", true },
        { "lt 1.5 1.5", "false", true },
        { "lt 1.5 2.5", "true", true },
        { "lt 1 1", "false", true },
        { "lt 1 2", "true", true },
        { "lt `xy` `xy`", "false", true },
        { "lt `xy` `xyz`", "true", true },
        { "lt .Uthree .Uthree", "false", true },
        { "lt .Uthree .Ufour", "true", true },
        { "le 1.5 1.5", "true", true },
        { "le 1.5 2.5", "true", true },
        { "le 2.5 1.5", "false", true },
        { "le 1 1", "true", true },
        { "le 1 2", "true", true },
        { "le 2 1", "false", true },
        { "le `xy` `xy`", "true", true },
        { "le `xy` `xyz`", "true", true },
        { "le `xyz` `xy`", "false", true },
        { "le .Uthree .Uthree", "true", true },
        { "le .Uthree .Ufour", "true", true },
        { "le .Ufour .Uthree", "false", true },
        { "gt 1.5 1.5", "false", true },
        { "gt 1.5 2.5", "false", true },
        { "gt 1 1", "false", true },
        { "gt 2 1", "true", true },
        { "gt 1 2", "false", true },
        { "gt `xy` `xy`", "false", true },
        { "gt `xy` `xyz`", "false", true },
        { "gt .Uthree .Uthree", "false", true },
        { "gt .Uthree .Ufour", "false", true },
        { "gt .Ufour .Uthree", "true", true },
        { "ge 1.5 1.5", "true", true },
        { "ge 1.5 2.5", "false", true },
        { "ge 2.5 1.5", "true", true },
        { "ge 1 1", "true", true },
        { "ge 1 2", "false", true },
        { "ge 2 1", "true", true },
        { "ge `xy` `xy`", "true", true },
        { "ge `xy` `xyz`", "false", true },
        { "ge `xyz` `xy`", "true", true },
        { "ge .Uthree .Uthree", "true", true },
        { "ge .Uthree .Ufour", "false", true },
        { "ge .Ufour .Uthree", "true", true },
        { "eq .Uthree .Three", "true", true },
        { "eq .Three .Uthree", "true", true },
        { "le .Uthree .Three", "true", true },
        { "le .Three .Uthree", "true", true },
        { "ge .Uthree .Three", "true", true },
        { "ge .Three .Uthree", "true", true },
        { "lt .Uthree .Three", "false", true },
        { "lt .Three .Uthree", "false", true },
        { "gt .Uthree .Three", "false", true },
        { "gt .Three .Uthree", "false", true },
        { "eq .Ufour .Three", "false", true },
        { "lt .Ufour .Three", "false", true },
        { "gt .Ufour .Three", "true", true },
        { "eq .NegOne .Uthree", "false", true },
        { "eq .Uthree .NegOne", "false", true },
        { "ne .NegOne .Uthree", "true", true },
        { "ne .Uthree .NegOne", "true", true },
        { "lt .NegOne .Uthree", "true", true },
        { "lt .Uthree .NegOne", "false", true },
        { "le .NegOne .Uthree", "true", true },
        { "le .Uthree .NegOne", "false", true },
        { "gt .NegOne .Uthree", "false", true },
        { "gt .Uthree .NegOne", "true", true },
        { "ge .NegOne .Uthree", "false", true },
        { "ge .Uthree .NegOne", "true", true },
        { "eq (index `x` 0) 'x'", "true", true },
        { "eq (index `x` 0) 'y'", "false", true },
        { "eq .NilIface .NilIface", "true", true },
        { "eq .NilIface 0", "false", true },
        { "eq 0 .NilIface", "false", true },
        { "eq .Map .Map", "true", true },
        { "eq .Map nil", "true", true },
        { "eq nil .Map", "true", true },
        { "eq .Map .NonNilMap", "false", true },
        { "eq `xy` 1", "", false },
        { "eq 2 2.0", "", false },
        { "lt true true", "", false },
        { "eq .NonNilMap .NonNilMap", "", false },
    };

    [Theory]
    [MemberData(nameof(CmpTests))]
    public void Compare_GoCmpTests_FollowBasicKindRules(string expr, string truth, bool ok)
    {
        var data = new CmpStruct();
        var template = GoTemplate.Parse("empty", $"{{{{if {expr}}}}}true{{{{else}}}}false{{{{end}}}}", FunctionTable.Builtins);
        var writer = new StringWriter();
        var exception = Record.Exception(() => template.Execute(writer, data));
        Assert.Equal(ok, exception is null);
        Assert.Equal(truth, writer.ToString());
    }

    [Fact]
    public void Compare_IntWithFloat_ReportsIncompatibleTypes()
    {
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "{{eq 2 2.0}}", FunctionTable.Builtins).Execute(null));
        Assert.EndsWith("error calling eq: incompatible types for comparison", exception.Message, StringComparison.Ordinal);
    }

    public sealed class CmpStruct
    {
        public uint Uthree { get; } = 3;

        public uint Ufour { get; } = 4;

        public long NegOne { get; } = -1;

        public long Three { get; } = 3;

        public Dictionary<long, long> NonNilMap { get; } = [];

        public Dictionary<long, long>? Map { get; }

        public object? NilIface { get; }
    }
}
