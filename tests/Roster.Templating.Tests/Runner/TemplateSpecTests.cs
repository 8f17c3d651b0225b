using Roster.Templating.Runner;

namespace Roster.Templating.Tests.Runner;

/// <summary>consul-template's TestParseTemplateConfig (config/template_test.go) plus the quirks of its tokeniser.</summary>
public class TemplateSpecTests
{
    public static TheoryData<string, string, string?, string?> Valid => new()
    {
        // consul-template's table.
        { "/tmp/a.txt:/tmp/b.txt:command", "/tmp/a.txt", "/tmp/b.txt", "command" },
        { "/tmp/a.txt", "/tmp/a.txt", null, null },
        { @"z:\foo", @"z:\foo", null, null },
        { @"C:\abc\123:D:\xyz\789:command", @"C:\abc\123", @"D:\xyz\789", "command" },
        { @"C:\abc\123:D:\xyz\789:sub:command", @"C:\abc\123", @"D:\xyz\789", "sub:command" },

        // Source and destination only; a command with spaces stays one string.
        { "in.ctmpl:out.cfg", "in.ctmpl", "out.cfg", null },
        { "in.ctmpl:/etc/haproxy/haproxy.cfg:systemctl reload haproxy", "in.ctmpl", "/etc/haproxy/haproxy.cfg", "systemctl reload haproxy" },

        // More than three tokens: the rest is the command, re-joined with ':', so URLs survive.
        { "in.ctmpl:out.cfg:curl -X PUT http://127.0.0.1:8500/v1/kv/x", "in.ctmpl", "out.cfg", "curl -X PUT http://127.0.0.1:8500/v1/kv/x" },

        // A single letter before ':' is taken for a Windows drive and sticks to the next token.
        { "a:b:c", "a:b", "c", null },
        { "in.ctmpl:o:cmd", "in.ctmpl", "o:cmd", null },

        // Empty tokens vanish: "::" in a command collapses to ':', and leading or trailing colons count for nothing.
        { "in.ctmpl:out.cfg:echo a::b", "in.ctmpl", "out.cfg", "echo a:b" },
        { ":in.ctmpl::out.cfg:", "in.ctmpl", "out.cfg", null },

        // Tokens are not trimmed; only the all-blank check trims.
        { " in.ctmpl : out.cfg ", " in.ctmpl ", " out.cfg ", null },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_Flag_SplitsLikeConsulTemplate(string flag, string source, string? destination, string? command)
    {
        Assert.Equal(new TemplateSpec(source, destination, command), TemplateSpec.Parse(flag));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    [InlineData(":")]
    [InlineData(":::")]
    public void Parse_BlankOrOnlyColons_ThrowsCannotBeEmpty(string flag)
    {
        var error = Assert.Throws<FormatException>(() => TemplateSpec.Parse(flag));
        Assert.Equal("template: cannot be empty", error.Message);
    }
}
