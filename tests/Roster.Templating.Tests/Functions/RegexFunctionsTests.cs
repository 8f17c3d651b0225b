using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class RegexFunctionsTests
{
    public static TheoryData<string, string, string, string> Replacements => new()
    {
        // template_test.go helper_regexReplaceAll and helper_replaceAll.
        { @"\w", "x", "foo", "xxx" },
        { "hello", "bye", "hello my hello", "bye my bye" },
        // Go's expansion rules: $1x names group "1x" (empty), ${1}x is group 1 then x, $$ is a dollar.
        { "(a)(b)", "$2$1", "ab", "ba" },
        { "(a)", "$1x", "a", "" },
        { "(a)", "${1}x", "a", "ax" },
        { "(a)", "$$1", "a", "$1" },
        { "(a)", "$", "a", "$" },
        { "(a)", "${", "a", "${" },
        { "(a)", "$9", "a", "" },
        { "(?P<first>\\w+) (?P<last>\\w+)", "${last}, $first", "ada lovelace", "lovelace, ada" },
        { "(?<x>a)(b)", "$1$2", "ab", "ab" }, // groups numbered left to right, named or not
        // Go skips an empty match right after a match.
        { "a*", "-", "baaac", "-b-c-" },
        { "x*", "-", "abc", "-a-b-c-" },
        // RE2's \d is ASCII only and $ means end of text.
        { @"\d", "#", "1٣", "#٣" },
        { "a$", "X", "a\n", "a\n" },
        { "(?m)a$", "X", "a\n", "X\n" },
        { "[[:digit:]]+", "N", "ab12c", "abNc" },
        { @"\Q.*\E", "!", "a.*b", "a!b" },
        { "[[b]", "_", "a[b", "a__" },
        { @"[\d.]+", "N", "v1.2٣", "vN٣" }, // '[' inside a class is a literal, not .NET's class subtraction
    };

    public static TheoryData<string, string> BadPatterns => new()
    {
        { "[a-z", "error parsing regexp: missing closing ]: `[a-z`" },
        { "a(b", "error parsing regexp: missing closing ): `a(b`" },
        { "a)", "error parsing regexp: unexpected ): `a)`" },
        { "*a", "error parsing regexp: missing argument to repetition operator: `*`" },
        { "[z-a]", "error parsing regexp: invalid character class range: `z-a`" },
        { @"(a)\1", @"error parsing regexp: invalid escape sequence: `\1`" },
        { "(?=a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`" },
        { @"a\", "error parsing regexp: trailing backslash at end of expression: ``" },
    };

    [Theory]
    [MemberData(nameof(Replacements))]
    public void RegexReplaceAll_Pattern_MatchesGo(string re, string replacement, string s, string expected) =>
        Assert.Equal(expected, RegexFunctions.RegexReplaceAll(re, replacement, s));

    [Theory]
    [InlineData("[a-z]+", "foo", true)]
    [InlineData("^[0-9]+$", "123", true)]
    [InlineData("^[0-9]+$", "123\n", false)]
    [InlineData("web", "api", false)]
    public void RegexMatch_Pattern_SearchesUnanchored(string re, string s, bool expected) =>
        Assert.Equal(expected, RegexFunctions.RegexMatch(re, s));

    [Theory]
    [MemberData(nameof(BadPatterns))]
    public void RegexMatch_BadPattern_ThrowsGoError(string re, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => RegexFunctions.RegexMatch(re, "x")).Message);
        Assert.Equal(message, Assert.Throws<FormatException>(() => RegexFunctions.RegexReplaceAll(re, "", "x")).Message);
    }
}
