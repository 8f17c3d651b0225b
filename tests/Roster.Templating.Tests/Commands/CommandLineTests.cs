using Roster.Templating.Commands;

namespace Roster.Templating.Tests.Commands;

/// <summary>consul-template's Test_CommandPrep (child/command-prep_test.go), for the single-string form a flag gives.</summary>
public class CommandLineTests
{
    public static TheoryData<string, string[]> Prepared => new()
    {
        { "foo", ["foo"] },
        { "foo bar", ["sh", "-c", "foo bar"] },
        { "systemctl reload haproxy || true", ["sh", "-c", "systemctl reload haproxy || true"] },

        // Any whitespace separates fields (Go's strings.Fields); a single field is exec'd untouched.
        { "foo\tbar", ["sh", "-c", "foo\tbar"] },
        { " foo ", [" foo "] },
    };

    [Theory]
    [MemberData(nameof(Prepared))]
    public void TryPrepare_Command_ExecsDirectlyOrThroughSh(string command, string[] argv)
    {
        Assert.True(CommandLine.TryPrepare(command, out var prepared, out var error));

        Assert.Equal(argv, prepared);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void TryPrepare_Blank_IsNotFound(string command)
    {
        Assert.False(CommandLine.TryPrepare(command, out _, out var error));

        Assert.Equal("executable file not found in $PATH", error);
    }
}
