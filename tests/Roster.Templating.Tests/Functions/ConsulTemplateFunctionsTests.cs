using Microsoft.Extensions.Time.Testing;
using Roster.Templating.Execution;
using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class ConsulTemplateFunctionsTests
{
    private static readonly string[] Required =
    [
        "byTag", "byKey", "contains", "containsAll", "containsAny", "containsNone", "containsNotAll", "in", "join", "split",
        "replaceAll", "regexReplaceAll", "regexMatch", "toLower", "toUpper", "toTitle", "trimSpace", "toJSON", "toJSONPretty",
        "parseJSON", "parseInt", "parseBool", "parseFloat", "timestamp", "add", "subtract", "multiply", "divide", "modulo", "env",
        "explode", "indent", "sha256Hex", "base64Encode", "base64Decode", "trim", "trimPrefix", "trimSuffix", "minimum", "maximum",
    ];

    [Fact]
    public void Pure_Names_CoverConsulTemplatesPureFunctions()
    {
        var names = ConsulTemplateFunctions.Pure(TimeProvider.System, _ => null).Select(f => f.Key).ToHashSet();

        Assert.All(Required, name => Assert.Contains(name, names));
    }

    [Fact]
    public void Pure_Delegates_AreAcceptedByTheFunctionTable()
    {
        var table = FunctionTable.Builtins.With(ConsulTemplateFunctions.Pure(TimeProvider.System, _ => null));

        Assert.All(Required, name => Assert.True(table.Contains(name)));
    }

    [Fact]
    public void Pure_BoundFunctions_UseTheGivenClockAndEnvironment()
    {
        var functions = ConsulTemplateFunctions.Pure(new FakeTimeProvider(DateTimeOffset.UnixEpoch), n => n == "A" ? "1" : null)
            .ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal("1970-01-01T00:00:00Z", functions["timestamp"].DynamicInvoke([Array.Empty<string>()]));
        Assert.Equal("1", functions["env"].DynamicInvoke("A"));
        Assert.Equal("", functions["env"].DynamicInvoke("B"));
    }
}
