using Roster.Templating.Execution;

namespace Roster.Templating.Tests.Execution;

/// <summary>Go's TestMissingMapKey: the three missingkey options (consul-template uses zero, or error).</summary>
public class MissingKeyTests
{
    private static readonly Dictionary<string, long> Data = new() { ["x"] = 99 };

    [Fact]
    public void Execute_DefaultOption_PrintsNoValue()
    {
        Assert.Equal("99 <no value>", Parse().Execute(Data));
    }

    [Fact]
    public void Execute_ZeroOption_PrintsElementZeroValue()
    {
        Assert.Equal("99 0", Parse().WithMissingKey(MissingKey.Zero).Execute(Data));
        var strings = new Dictionary<string, string> { ["x"] = "a" };
        Assert.Equal("a ", Parse().WithMissingKey(MissingKey.Zero).Execute(strings));
    }

    [Fact]
    public void Execute_ErrorOption_FailsOnMissingKeyAndNilData()
    {
        var template = Parse().WithMissingKey(MissingKey.Error);
        var missing = Assert.Throws<TemplateException>(() => template.Execute(Data));
        Assert.EndsWith("map has no entry for key \"y\"", missing.Message, StringComparison.Ordinal);
        var nilData = Assert.Throws<TemplateException>(() => template.Execute(null));
        Assert.EndsWith("nil data; no entry for key \"x\"", nilData.Message, StringComparison.Ordinal);
    }

    private static GoTemplate Parse() => GoTemplate.Parse("t1", "{{.x}} {{.y}}", FunctionTable.Builtins);
}
