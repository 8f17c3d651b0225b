using Roster.HAProxy.Config;

namespace Roster.HAProxy.Tests.Config;

public class ConfigTextTests
{
    [Theory]
    [InlineData("www-host-20001-6f1c2a9e")]
    [InlineData("/run/roster/admin.sock")]
    [InlineData("ünïcødé")]
    [InlineData("a/b@c:d+e=f,g%h$i")]
    [InlineData("emoji-\U0001F600")]
    [InlineData("")]
    public void FindUnsafe_PlainWord_IsNull(string text) => Assert.Null(ConfigText.FindUnsafe(text));

    [Theory]
    [InlineData("a b", "whitespace (U+0020)")]
    [InlineData("a\nb", "whitespace (U+000A)")]
    [InlineData("a\rb", "whitespace (U+000D)")]
    [InlineData("a\tb", "whitespace (U+0009)")]
    [InlineData("a\vb", "whitespace (U+000B)")]
    [InlineData("a\fb", "whitespace (U+000C)")]
    [InlineData("a\u2029b", "whitespace (U+2029)")]
    [InlineData("a\u2003b", "whitespace (U+2003)")]
    [InlineData("a\u0007b", "a control character (U+0007)")]
    [InlineData("a\u007Fb", "a control character (U+007F)")]
    [InlineData("a\uFEFFb", "an invisible format character (U+FEFF)")]
    [InlineData("a\u202Eb", "an invisible format character (U+202E)")]
    [InlineData("a#b", "HAProxy config syntax (U+0023)")]
    [InlineData("a'b", "HAProxy config syntax (U+0027)")]
    [InlineData("a\"b", "HAProxy config syntax (U+0022)")]
    [InlineData("a`b", "HAProxy config syntax (U+0060)")]
    [InlineData("a\\b", "HAProxy config syntax (U+005C)")]
    [InlineData("a{b", "HAProxy config syntax (U+007B)")]
    [InlineData("a}b", "HAProxy config syntax (U+007D)")]
    public void FindUnsafe_SyntaxOrInvisibles_SaysWhichCodePoint(string text, string reason) =>
        Assert.Equal(reason, ConfigText.FindUnsafe(text));

    [Fact]
    public void FindUnsafe_UnpairedSurrogates_AreUnsafe()
    {
        Assert.Equal("an unpaired surrogate (U+D800)", ConfigText.FindUnsafe("a\uD800b"));
        Assert.Equal("an unpaired surrogate (U+DC00)", ConfigText.FindUnsafe("a\uDC00"));
        Assert.Equal("an unpaired surrogate (U+D800)", ConfigText.FindUnsafe("\uD800"));
    }
}
