using System.Globalization;
using System.Text;
using Roster.Templating.Parsing;

namespace Roster.Templating.Execution;

/// <summary>Go's html, js and urlquery builtins (HTMLEscapeString, JSEscapeString, url.QueryEscape).</summary>
internal static class Escaping
{
    public static string Html(params object?[] args)
    {
        var s = EvalArgs(args);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "&#34;",
                '\'' => "&#39;",
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\0' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    public static string JavaScript(params object?[] args)
    {
        var sb = new StringBuilder();
        foreach (var rune in EvalArgs(args).EnumerateRunes())
        {
            var r = rune.Value;
            switch (r)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '"': sb.Append("\\\""); break;
                case '<': sb.Append(@"\u003C"); break;
                case '>': sb.Append(@"\u003E"); break;
                case '&': sb.Append(@"\u0026"); break;
                case '=': sb.Append(@"\u003D"); break;
                case < ' ': sb.Append(CultureInfo.InvariantCulture, $"\\u00{r:X2}"); break;
                case < 0x80: sb.Append((char)r); break;
                default:
                    sb.Append(GoQuote.IsPrint(rune) ? rune.ToString() : string.Create(CultureInfo.InvariantCulture, $"\\u{r:X4}"));
                    break;
            }
        }

        return sb.ToString();
    }

    public static string UrlQuery(params object?[] args)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(EvalArgs(args)))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else if (b == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
            }
        }

        return sb.ToString();
    }

    /// <summary>Go's evalArgs: one string passes through; otherwise fmt.Sprint, where a nil prints as &lt;no value&gt;.</summary>
    private static string EvalArgs(object?[] args)
    {
        if (args is [string s])
        {
            return s;
        }

        return GoFormatter.Sprint([.. args.Select(a => a ?? "<no value>")]);
    }
}
