using Roster.Templating.Runner;

namespace Roster.Templating.Tests.Runner;

/// <summary>consul-template's TestParseWaitConfig (config/wait_test.go) plus the remaining branches of ParseWaitConfig.</summary>
public class WaitSpecTests
{
    public static TheoryData<string, TimeSpan, TimeSpan> Valid => new()
    {
        // consul-template's table.
        { "5s", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20) },
        { "5s:10s", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10) },

        // Whitespace around the whole and around each part is trimmed.
        { " 5s : 10s ", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10) },

        // Any Go duration; equal bounds are accepted despite the wording of the error.
        { "1m30s", TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(360) },
        { "250ms:1s", TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1) },
        { "5s:5s", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5) },
        { "0", TimeSpan.Zero, TimeSpan.Zero },
        { "0:0", TimeSpan.Zero, TimeSpan.Zero },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        // consul-template's table.
        { "", "wait: cannot be empty" },
        { " ", "wait: cannot be empty" },
        { "5s:10s:15s", "wait: invalid format" },
        { "-5s", "wait: cannot be negative" },

        // The other branches, in Go's order: a negative bound is reported before a reversed pair.
        { "5s:-1s", "wait: cannot be negative" },
        { "-5s:-1s", "wait: cannot be negative" },
        { "10s:5s", "wait: min must be less than max" },
        { "::", "wait: invalid format" },

        // A bad duration surfaces Go's own time.ParseDuration message, as consul-template returns it unwrapped.
        { "5", "time: missing unit in duration \"5\"" },
        { "soon", "time: invalid duration \"soon\"" },
        { "5s:", "time: invalid duration \"\"" },
        { ":5s", "time: invalid duration \"\"" },
        { "5x", "time: unknown unit \"x\" in duration \"5x\"" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_Valid_ReturnsMinAndMax(string text, TimeSpan min, TimeSpan max)
    {
        Assert.Equal(new WaitSpec(min, max), WaitSpec.Parse(text));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_Invalid_ThrowsConsulTemplatesMessage(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => WaitSpec.Parse(text));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void None_IsZeroMinAndMax()
    {
        Assert.Equal(new WaitSpec(TimeSpan.Zero, TimeSpan.Zero), WaitSpec.None);
    }
}
