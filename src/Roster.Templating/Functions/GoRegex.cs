using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Roster.Templating.Functions;

/// <summary>
/// Compiles Go RE2 syntax with .NET's engine: translates what differs (ASCII-only \d \w \s, (?P&lt;name&gt;), POSIX
/// classes, \Q..\E, \pL, \x{...}, $ as end-of-text), rejects what RE2 rejects (backreferences, lookaround) and words
/// errors as Go's regexp/syntax does (<c>error parsing regexp: missing closing ]: `[a`</c>).
/// </summary>
internal sealed partial class GoRegex
{
    // RE2 runs in linear time; .NET backtracks, so a timeout keeps a hostile pattern from hanging a render.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    // Named groups become plain groups so .NET numbers all groups left to right as Go does (.NET numbers named
    // groups after unnamed ones); the names are kept here instead.
    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private int _groups;

    private GoRegex()
    {
    }

    public Regex Regex { get; private set; } = null!;

    public static GoRegex Compile(string pattern)
    {
        var compiled = new GoRegex();
        var translated = compiled.Translate(pattern);
        try
        {
            compiled.Regex = new Regex(translated, RegexOptions.CultureInvariant, Timeout);
            return compiled;
        }
        catch (RegexParseException e)
        {
            throw new FormatException(Describe(e, pattern, translated), e);
        }
    }

    /// <summary>The number of the group Go calls <paramref name="name"/>, or -1.</summary>
    public int GroupNumber(string name) => _names.TryGetValue(name, out var number) ? number : -1;

    private string Translate(string p)
    {
        // Approximation: any (?m) flag anywhere keeps $ as .NET's multiline $ everywhere.
        var multiline = Regex.IsMatch(p, @"\(\?[a-zA-Z]*m");
        var sb = new StringBuilder(p.Length + 16);
        var classStart = -1;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            var inClass = classStart >= 0;
            if (c == '\\')
            {
                i = Escape(p, i, inClass, sb);
            }
            else if (inClass)
            {
                if (c == ']' && i > classStart + 1 && !(i == classStart + 2 && p[classStart + 1] == '^'))
                {
                    classStart = -1;
                    sb.Append(']');
                }
                else if (c == '[' && i + 1 < p.Length && p[i + 1] == ':' && PosixClass(p, i) is var (name, end) && Posix.TryGetValue(name, out var range))
                {
                    sb.Append(range);
                    i = end;
                }
                else
                {
                    // .NET reads [a-[b]] as class subtraction; in RE2 a '[' inside a class is literal.
                    sb.Append(c == '[' ? @"\[" : c.ToString());
                }
            }
            else if (c == '[')
            {
                classStart = i;
                sb.Append(c);
            }
            else if (c == '(' && i + 1 < p.Length && p[i + 1] == '?')
            {
                i = Group(p, i, sb);
            }
            else if (c == '(')
            {
                _groups++;
                sb.Append(c);
            }
            else
            {
                // Without (?m), RE2's $ matches only at the very end; .NET's also matches before a final newline.
                sb.Append(c == '$' && !multiline ? @"\z" : c.ToString());
            }
        }

        return classStart >= 0 ? throw Error("missing closing ]", p[classStart..]) : sb.ToString();
    }

    private int Group(string p, int i, StringBuilder sb)
    {
        var rest = p.AsSpan(i);
        var nameStart = rest.StartsWith("(?P<") ? i + 4 : rest.StartsWith("(?<") && !rest.StartsWith("(?<=") && !rest.StartsWith("(?<!") ? i + 3 : -1;
        if (nameStart >= 0)
        {
            var close = p.IndexOf('>', nameStart);
            var name = close < 0 ? "" : p[nameStart..close];
            if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') || _names.ContainsKey(name))
            {
                throw Error(close >= 0 && _names.ContainsKey(name) ? "duplicate capture group name" : "invalid named capture", close < 0 ? p[i..] : p[i..(close + 1)]);
            }

            _names[name] = ++_groups;
            sb.Append('(');
            return close;
        }

        if (rest.StartsWith("(?=") || rest.StartsWith("(?!") || rest.StartsWith("(?<=") || rest.StartsWith("(?<!") ||
            rest.StartsWith("(?>") || rest.StartsWith("(?#") || rest.StartsWith("(?P="))
        {
            throw Error("invalid or unsupported Perl syntax", p.Substring(i, 3));
        }

        sb.Append("(?");
        return i + 1;
    }

    // Maps .NET's parse errors onto RE2's error codes; the quoted fragment is approximate where .NET gives only an offset.
    private static string Describe(RegexParseException e, string pattern, string translated)
    {
        var at = Math.Clamp(e.Offset - 1, 0, Math.Max(translated.Length - 1, 0));
        var near = translated.Length == 0 ? "" : translated.Substring(at, 1);
        var (code, fragment) = e.Error switch
        {
            RegexParseError.InsufficientClosingParentheses => ("missing closing )", pattern),
            RegexParseError.InsufficientOpeningParentheses => ("unexpected )", pattern),
            RegexParseError.QuantifierAfterNothing => ("missing argument to repetition operator", near),
            RegexParseError.NestedQuantifiersNotParenthesized => ("invalid nested repetition operator", translated.Substring(Math.Max(at - 1, 0), Math.Min(2, translated.Length))),
            RegexParseError.ReversedCharacterRange => ("invalid character class range", translated.Substring(Math.Max(at - 2, 0), Math.Min(3, translated.Length))),
            RegexParseError.ReversedQuantifierRange => ("invalid repeat count", near),
            _ => (e.Message, pattern),
        };
        return Error(code, fragment).Message;
    }

    private static FormatException Error(string code, string fragment) => new($"error parsing regexp: {code}: `{fragment}`");
}
