using Roster.Templating.Execution;
using static Roster.Templating.Tests.Execution.GoTestValues;

namespace Roster.Templating.Tests.Execution;

/// <summary>Go's TestDelims, TestTree, TestBlock and TestInterfaceValues: delimiters, define/template/block, trimming.</summary>
public class TemplateSetTests
{
    private const string TreeTemplate = """

        	(- define "tree" -)
        	[
        		(- .Val -)
        		(- with .Left -)
        			(template "tree" . -)
        		(- end -)
        		(- with .Right -)
        			(- template "tree" . -)
        		(- end -)
        	]
        	(- end -)

        """;

    public static TheoryData<string, string> DelimPairs => new()
    {
        { "", "" },
        { "{{", "}}" },
        { "<<", ">>" },
        { "|", "|" },
        { "(日)", "(本)" },
    };

    public static TheoryData<string, string> InterfaceValues => new()
    {
        { "{{index .Nil 1}}", "ERROR: index of untyped nil" },
        { "{{index .Slice 2}}", "2" },
        { "{{index .Slice .Two}}", "2" },
        { "{{call .Nil 1}}", "ERROR: call of nil" },
        { "{{call .PlusOne 1}}", "2" },
        { "{{call .PlusOne .One}}", "2" },
        { "{{and (index .Slice 0) true}}", "0" },
        { "{{and .Zero true}}", "0" },
        { "{{and (index .Slice 1) false}}", "false" },
        { "{{and .One false}}", "false" },
        { "{{or (index .Slice 0) false}}", "false" },
        { "{{or .Zero false}}", "false" },
        { "{{or (index .Slice 1) true}}", "1" },
        { "{{or .One true}}", "1" },
        { "{{not (index .Slice 0)}}", "true" },
        { "{{not .Zero}}", "true" },
        { "{{not (index .Slice 1)}}", "false" },
        { "{{not .One}}", "false" },
        { "{{eq (index .Slice 0) .Zero}}", "true" },
        { "{{eq (index .Slice 1) .One}}", "true" },
        { "{{ne (index .Slice 0) .Zero}}", "false" },
        { "{{ne (index .Slice 1) .One}}", "false" },
        { "{{ge (index .Slice 0) .One}}", "false" },
        { "{{ge (index .Slice 1) .Zero}}", "true" },
        { "{{gt (index .Slice 0) .One}}", "false" },
        { "{{gt (index .Slice 1) .Zero}}", "true" },
        { "{{le (index .Slice 0) .One}}", "true" },
        { "{{le (index .Slice 1) .Zero}}", "false" },
        { "{{lt (index .Slice 0) .One}}", "true" },
        { "{{lt (index .Slice 1) .Zero}}", "false" },
    };

    [Theory]
    [MemberData(nameof(DelimPairs))]
    public void Execute_CustomDelimiters_ParseActionsCommentsAndStrings(string left, string right)
    {
        var trueLeft = left.Length == 0 ? "{{" : left;
        var trueRight = right.Length == 0 ? "}}" : right;
        var text = trueLeft + ".Str" + trueRight + trueLeft + "/*comment*/" + trueRight + trueLeft + "\"" + trueLeft + "\"" + trueRight;
        var template = GoTemplate.Parse("delims", text, Funcs, left, right);
        Assert.Equal("Hello, world" + trueLeft, template.Execute(new { Str = "Hello, world" }));
    }

    [Fact]
    public void ExecuteTemplate_RecursiveDefineWithTrimming_WalksTheTree()
    {
        var tree = new Tree(1,
            new Tree(2, new Tree(3, new Tree(4), null), new Tree(5, new Tree(6), null)),
            new Tree(7, new Tree(8, new Tree(9), null), new Tree(10, new Tree(11), null)));
        var template = GoTemplate.Parse("root", TreeTemplate, Funcs, "(", ")");
        var writer = new StringWriter();
        template.ExecuteTemplate(writer, "tree", tree);
        Assert.Equal("[1[2[3[4]][5[6]]][7[8[9]][10[11]]]]", writer.ToString());
    }

    [Fact]
    public void Execute_Block_RunsItsBodyUnlessRedefined()
    {
        const string input = "a({{block \"inner\" .}}bar({{.}})baz{{end}})b";
        Assert.Equal("a(bar(hello)baz)b", GoTemplate.Parse("outer", input, Funcs).Execute("hello"));

        // Go overlays a define with Clone+Parse; a define later in the same text replaces the block body the same way.
        const string overlay = "{{define \"inner\"}}foo({{.}})bar{{end}}";
        var exception = Record.Exception(() => GoTemplate.Parse("outer", input + overlay, Funcs));
        Assert.IsType<TemplateException>(exception);
        Assert.Contains("multiple definition of template \"inner\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_TemplateWithPipeline_HasOnlyDollarInScope()
    {
        const string input = "{{define \"t\"}}[{{.}}|{{$}}]{{end}}{{$x := 5}}{{template \"t\" $x}}{{template \"t\"}}";
        Assert.Equal("[5|5][<no value>|<no value>]", GoTemplate.Parse("outer", input, Funcs).Execute("dot"));
    }

    [Theory]
    [MemberData(nameof(InterfaceValues))]
    public void Execute_GoInterfaceValues_UnwrapsValues(string text, string output)
    {
        var data = new Dictionary<string, object?>
        {
            ["PlusOne"] = new Func<long, long>(n => n + 1),
            ["Slice"] = new long[] { 0, 1, 2, 3 },
            ["One"] = 1L,
            ["Two"] = 2L,
            ["Nil"] = null,
            ["Zero"] = 0L,
        };
        var template = GoTemplate.Parse("tmpl", text, Funcs);
        if (output.StartsWith("ERROR:", StringComparison.Ordinal))
        {
            var exception = Assert.Throws<TemplateException>(() => template.Execute(data));
            Assert.Contains(output["ERROR:".Length..].Trim(), exception.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(output, template.Execute(data));
        }
    }

    public sealed record Tree(long Val, Tree? Left = null, Tree? Right = null);
}
