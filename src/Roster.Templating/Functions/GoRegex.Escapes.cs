using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Roster.Templating.Functions;

/// <summary>RE2's escapes and POSIX classes, rewritten into .NET syntax with RE2's (ASCII) meaning.</summary>
internal sealed partial class GoRegex
{
    private static readonly Dictionary<string, string> Posix = new(StringComparer.Ordinal)
    {
        ["alnum"] = "0-9A-Za-z", ["alpha"] = "A-Za-z", ["ascii"] = @"\x00-\x7F", ["blank"] = @"\t ",
        ["cntrl"] = @"\x00-\x1F\x7F", ["digit"] = "0-9", ["graph"] = "!-~", ["lower"] = "a-z", ["print"] = " -~",
        ["punct"] = @"!-/:-@\[-`{-~", ["space"] = @"\t\n\v\f\r ", ["upper"] = "A-Z", ["word"] = "0-9A-Za-z_",
        ["xdigit"] = "0-9A-Fa-f",
    };

    private static int Escape(string p, int i, bool inClass, StringBuilder sb)
    {
        if (i + 1 >= p.Length)
        {
            throw Error("trailing backslash at end of expression", "");
        }

        var c = p[i + 1];
        switch (c)
        {
            case 'd' or 'D' or 'w' or 'W' or 's' or 'S':
                // Inside a class only the positive forms can be inlined; \D \W \S there keep .NET's Unicode meaning.
                sb.Append(!inClass ? AsciiClass(c) : c switch { 'd' => "0-9", 'w' => "0-9A-Za-z_", 's' => @"\t\n\f\r ", _ => @"\" + c });
                return i + 1;
            case 'a' or 'f' or 't' or 'n' or 'r' or 'v' or 'A' or 'b' or 'B' or 'z' or '0':
                sb.Append('\\').Append(c);
                return i + 1;
            case 'p' or 'P':
                if (i + 2 < p.Length && p[i + 2] != '{')
                {
                    sb.Append('\\').Append(c).Append('{').Append(p[i + 2]).Append('}');
                    return i + 2;
                }

                sb.Append('\\').Append(c);
                return i + 1;
            case 'x' when i + 2 < p.Length && p[i + 2] == '{':
                var close = p.IndexOf('}', i + 3);
                if (close < 0 || !int.TryParse(p.AsSpan(i + 3, close - i - 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) || code > 0x10FFFF)
                {
                    throw Error("invalid escape sequence", p[i..Math.Min(p.Length, close < 0 ? p.Length : close + 1)]);
                }

                sb.Append(Regex.Escape(char.ConvertFromUtf32(code)));
                return close;
            case 'x':
                sb.Append(@"\x");
                return i + 1;
            case 'Q':
                var stop = p.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                var literal = stop < 0 ? p[(i + 2)..] : p[(i + 2)..stop];
                sb.Append(inClass ? literal.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("]", @"\]", StringComparison.Ordinal) : Regex.Escape(literal));
                return stop < 0 ? p.Length : stop + 1;
            default:
                // RE2 allows escaping punctuation only; letters and digits it does not know are errors (\1, \Z, \u, \k ...).
                if (char.IsAsciiLetterOrDigit(c))
                {
                    throw Error("invalid escape sequence", p.Substring(i, 2));
                }

                sb.Append('\\').Append(c);
                return i + 1;
        }
    }

    private static string AsciiClass(char c) => c switch
    {
        'd' => "[0-9]",
        'D' => "[^0-9]",
        'w' => "[0-9A-Za-z_]",
        'W' => "[^0-9A-Za-z_]",
        's' => @"[\t\n\f\r ]",
        _ => @"[^\t\n\f\r ]",
    };

    private static (string Name, int End)? PosixClass(string p, int i)
    {
        var end = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
        return end < 0 ? null : (p[(i + 2)..end], end + 1);
    }
}
