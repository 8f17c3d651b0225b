using Roster.Templating.Execution;
using static Roster.Templating.Tests.Execution.GoTestValues;

namespace Roster.Templating.Tests.Execution;

/// <summary>Go's error-message tests from exec_test.go: TestExecError, TestExecutePanicDuringCall, TestFunctionCheckDuringCall …</summary>
public class ExecErrorTests
{
    private const string ExecErrorText = """
        line 1
        line 2
        line 3
        {{template "one" .}}
        {{define "one"}}{{template "two" .}}{{end}}
        {{define "two"}}{{template "three" .}}{{end}}
        {{define "three"}}{{index "hi" $}}{{end}}
        """;

    public static TheoryData<string, string, string> PanicDuringCall => new()
    {
        { "direct func call panics", "{{doPanic}}", "template: t:1:2: executing \"t\" at <doPanic>: error calling doPanic: custom panic string" },
        { "indirect func call panics", "{{call doPanic}}", "template: t:1:7: executing \"t\" at <doPanic>: error calling doPanic: custom panic string" },
        { "func field call panics", "{{call .PanicFunc}}", "template: t:1:2: executing \"t\" at <call .PanicFunc>: error calling call: test panic" },
    };

    // Go's return-count cases (TooFewReturnCountFunc …) are skipped: a C# delegate has exactly one return value.
    public static TheoryData<string, string, string> FunctionCheckDuringCall => new()
    {
        { "call nothing", "{{call}}", "wrong number of args for call: want at least 1 got 0" },
        { "call non-function", "{{call .True}}", "error calling call: non-function .True of type bool" },
        { "call func with wrong argument", "{{call .BinaryFunc 1}}", "error calling call: wrong number of args for .BinaryFunc: got 1 want 2" },
        { "call variadic func with wrong argument", "{{call .VariadicFuncInt}}", "error calling call: wrong number of args for .VariadicFuncInt: got 0 want at least 1" },
        { "call pipeline", "{{call (len \"test\")}}", "error calling call: non-function len \"test\" of type int" },
    };

    [Fact]
    public void Execute_ErrorInNestedTemplate_NamesInnermostTemplateAndGoLocation()
    {
        var template = GoTemplate.Parse("top", ExecErrorText, FunctionTable.Builtins);
        var exception = Assert.Throws<TemplateException>(() => template.Execute(5L));
        Assert.Equal("template: top:7:20: executing \"three\" at <index \"hi\" $>: error calling index: index out of range: 5", exception.Message);
        Assert.Equal(("top", 7, 20), (exception.TemplateName, exception.Line, exception.Column));
    }

    [Fact]
    public void Execute_MethodThrows_ErrorFlowsBackToTheTop()
    {
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("error", "{{.MyError true}}", Funcs).Execute(TVal));
        Assert.Contains("my error", exception.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(exception.InnerException);
    }

    [Fact]
    public void Execute_FieldOfInt_IsAnExecError()
    {
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("X", "hello, {{.X.Y}}", Funcs).Execute(0L));
        Assert.Contains("field X in type int", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WriterFails_ThrowsTheWriterError()
    {
        var template = GoTemplate.Parse("X", "hello", Funcs);
        Assert.Throws<IOException>(() => template.Execute(new FailingWriter(), 0L));
    }

    [Theory]
    [MemberData(nameof(PanicDuringCall))]
    public void Execute_FunctionThrows_ReportsErrorCallingWithLocation(string name, string input, string expected)
    {
        var funcs = Funcs.With("doPanic", new Func<string>(() => throw new InvalidOperationException("custom panic string")));
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", input, funcs).Execute(TVal));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.NotNull(name);
    }

    [Theory]
    [MemberData(nameof(FunctionCheckDuringCall))]
    public void Execute_BadCall_ReportsGoMessage(string name, string input, string expected)
    {
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", input, Funcs).Execute(TVal));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.NotNull(name);
    }

    [Fact]
    public void Execute_MissingFieldOnStruct_NamesFieldAndType()
    {
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("tmpl", "{{.MissingField}}", Funcs).Execute(new T()));
        Assert.EndsWith("can't evaluate field MissingField in type T", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_RecursiveTemplate_StopsAtMaximumDepth()
    {
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("tmpl", "{{template \"tmpl\" .}}", Funcs).Execute(null));
        Assert.Contains("exceeded maximum template depth", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_FunctionRenderingItsOwnTemplate_StopsBeforeTheStackOverflows()
    {
        GoTemplate? self = null;
        var funcs = Funcs.With("again", (object? data) =>
        {
            var writer = new StringWriter();
            self!.ExecuteTemplate(writer, "t", data);
            return writer.ToString();
        });
        self = GoTemplate.Parse("t", "{{again .}}", funcs);
        var exception = Assert.Throws<TemplateException>(() => self.Execute(null));
        Assert.Contains("exceeded maximum template depth", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AbsurdlyDeepNesting_IsAParseErrorNotACrash()
    {
        var text = string.Concat(Enumerable.Repeat("{{if 1}}", 50_000)) + string.Concat(Enumerable.Repeat("{{end}}", 50_000));
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("deep", text, Funcs));
        Assert.Contains("max nesting depth exceeded", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_UndefinedTemplate_IsAnExecError()
    {
        var exception = Assert.Throws<TemplateException>(() => GoTemplate.Parse("t", "{{template \"nope\"}}", Funcs).Execute(null));
        Assert.Equal("template: t:1:11: executing \"t\" at <{{template \"nope\"}}>: template \"nope\" not defined", exception.Message);
    }

    [Fact]
    public void Execute_MissingMapKey_PrintsNoValue()
    {
        var data = new Dictionary<string, long> { ["x"] = 99 };
        Assert.Equal("99 <no value>", GoTemplate.Parse("t1", "{{.x}} {{.y}}", Funcs).Execute(data));
    }

    [Fact]
    public void Execute_ParenthesizedDot_IsFineButAFunctionNeedsCall()
    {
        var template = GoTemplate.Parse(string.Empty, "{{ (.)  }}", Funcs);
        Assert.Equal("result", template.Execute("result"));
        Assert.Throws<TemplateException>(() => template.Execute(new Func<string>(() => "result")));
        Assert.Equal("result", GoTemplate.Parse(string.Empty, "{{ (call .)  }}", Funcs).Execute(new Func<string>(() => "result")));
    }

    [Fact]
    public void Execute_PipeIntoPrintf_UsesPipedValueAsFormat()
    {
        Assert.Equal("x", GoTemplate.Parse(string.Empty, "{{\"x\" | printf}}", Funcs).Execute(0L));
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(string? value) => throw new IOException("always be failing");
    }
}
