using System.Runtime.CompilerServices;
using Roster.Templating.Execution;
using Roster.Testing.Reliability;

namespace Roster.Fuzz.Tests.Templating;

/// <summary>What the template fuzzing found (and the limits it checks), each reduced to its smallest input.</summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Fuzz)]
public sealed class TemplateRegressionTests
{
    [Theory]
    [InlineData("{{printf \"%999999999d\" 1}}", "%!(NOVERB)%!(EXTRA int=1)")]
    [InlineData("{{printf \"%.999999999f\" 1.5}}", "%!(NOVERB)%!(EXTRA float64=1.5)")]
    [InlineData("{{printf \"%99999999999999999999d\" 1}}", "%!(NOVERB)%!(EXTRA int=1)")]
    [InlineData("{{printf \"%*d\" 1000001 1}}", "%!(BADWIDTH)1")]
    public void Printf_CrazyLongWidthOrPrecision_GivesUpAsGoDoes(string text, string expected)
    {
        // Found by fuzzing: the width was taken as given (or overflowed), padding one value to a gigabyte.
        Recorded($"regression: `{text}` gives up as Go does", () => Assert.Equal(expected, Execute(text)));
    }

    [Fact]
    public void Printf_WidthUpToGosLimit_StillPads()
    {
        Recorded("limit: `{{printf \"%1000d\" 1}}` still pads", () => Assert.Equal(new string(' ', 999) + "1", Execute("{{printf \"%1000d\" 1}}")));
    }

    [Theory]
    [InlineData("{{range 0x7fffffffffffffff}}{{end}}")]
    [InlineData("{{range $i := 100000}}{{range 100000}}{{end}}{{end}}")]
    public void Range_CountBeyondTheBudget_StopsWithAPositionedError(string text)
    {
        Recorded($"regression: `{text}` stops at a budget of 1000 steps", () =>
        {
            var error = Assert.Throws<TemplateException>(() => Execute(text, maxSteps: 1000));
            // The position is the range's pipeline, as Go places a range node.
            Assert.Matches(@"^template: fuzz:1:(8|30): executing ""fuzz"" at <.+>: exceeded maximum of 1000 range iterations and template calls$", error.Message);
        });
    }

    [Fact]
    public void Template_TwoCallsPerLevel_StopsAtTheBudgetNotAfterTwoToTheForty()
    {
        var levels = string.Concat(Enumerable.Range(0, 40).Select(i => $"{{{{define \"t{i}\"}}}}{{{{template \"t{i + 1}\"}}}}{{{{template \"t{i + 1}\"}}}}{{{{end}}}}"));
        Recorded("regression: 40 levels of templates that each call the next twice stop at a budget of 1000 steps", () =>
        {
            var error = Assert.Throws<TemplateException>(() => Execute(levels + "{{define \"t40\"}}x{{end}}{{template \"t0\"}}", maxSteps: 1000));
            Assert.EndsWith("exceeded maximum of 1000 range iterations and template calls", error.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Template_RecursionWithoutEnd_StopsAtTheDepthLimit()
    {
        Recorded("regression: a template that calls itself forever stops at the depth limit", () =>
        {
            var error = Assert.Throws<TemplateException>(() => Execute("{{define \"x\"}}{{template \"x\"}}{{end}}{{template \"x\"}}", maxSteps: long.MaxValue));
            Assert.Matches(@"^template: fuzz:1:\d+: executing ""x"" at <\{\{template ""x""\}\}>: exceeded maximum template depth", error.Message);
        });
    }

    [Fact]
    public void Loop_HugeCount_FailsInsteadOfExhaustingMemory()
    {
        // Found by fuzzing: loop built the whole list first, so this took the process down with OutOfMemory.
        Recorded("regression: `{{range loop 100000000000}}{{end}}` fails without exhausting memory", () =>
        {
            var error = Assert.Throws<TemplateException>(() => Execute("{{range loop 100000000000}}{{end}}"));
            Assert.EndsWith("error calling loop: loop: 0 to 100000000000 is more than 10000000 values", error.Message, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(100_000, "(", ")")]
    [InlineData(100_000, "{{if 1}}", "{{end}}")]
    [InlineData(100_000, "{{with 1}}", "{{end}}")]
    [InlineData(100_000, "{{range 1}}", "{{end}}")]
    public void Parse_NestedOneHundredThousandDeep_FailsWithAPositionedErrorNotAStackOverflow(int depth, string open, string close)
    {
        var inner = open == "(" ? "{{" + Repeat(open, depth) + "1" + Repeat(close, depth) + "}}" : Repeat(open, depth) + "x" + Repeat(close, depth);
        Recorded($"regression: `{open}` nested {depth} deep fails with a positioned error, no stack overflow", () => Assert.Null(TemplateRun.Problem(inner)));
    }

    /// <summary>Records the case (1 template, failed or not) before the failure propagates, so a red run still shows it.</summary>
    private static void Recorded(string tried, Action check, [CallerMemberName] string method = "")
    {
        try
        {
            check();
        }
        catch
        {
            ReliabilityLog.Record<TemplateRegressionTests>(ReliabilityKind.Fuzz, tried, 1, "templates", 1, method: method);
            throw;
        }

        ReliabilityLog.Record<TemplateRegressionTests>(ReliabilityKind.Fuzz, tried, 1, "templates", 0, method: method);
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static string Execute(string text, long maxSteps = TemplateRun.MaxSteps) =>
        GoTemplate.Parse(TemplateRun.Name, text, TemplateRun.Functions).WithMaxSteps(maxSteps).Execute(TemplateRun.Data);
}
