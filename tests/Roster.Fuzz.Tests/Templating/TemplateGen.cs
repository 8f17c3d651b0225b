using CsCheck;

namespace Roster.Fuzz.Tests.Templating;

/// <summary>
/// Hostile templates: a seed mutated by inserting, deleting, swapping and replacing the tokens the lexer and parser
/// branch on, plus templates assembled from those tokens alone.
/// </summary>
internal static class TemplateGen
{
    /// <summary>What the lexer and parser branch on, with a few values that stress numbers, quotes and encodings.</summary>
    public static readonly string[] Tokens =
    [
        "{{", "}}", "{{- ", " -}}", "{{/*", "*/}}", "/*", "*/", "|", "(", ")", " ", "\n", "\t", ",", "=", ":=", "$", "$x", "$x :=",
        ".", ".Name", ".A.B", "..", "range", "end", "if", "else", "else if", "with", "else with", "define", "template", "block",
        "break", "continue", "nil", "true", "false", "\"", "\"a\"", "`", "`raw`", "'", "'a'", "'\\''", "\\", "\\u00e9", "\\x",
        "0", "1", "-1", "3", "1e400", "0x", "0x7fffffffffffffff", "0x8000000000000000", "1_000", "0b102", "0o8", "1.5", "1i",
        "len", "index", "slice", "printf", "\"%v\"", "\"%*d\"", "\"%[3]s\"", "print", "println", "and", "or", "not", "eq", "lt",
        "call", "html", "js", "urlquery", "join", "split", "loop", "toJSON", "parseJSON", "replaceAll", "regexMatch", "\"(\"",
        "é", "😀", "\u0000", "\u202e", "\ud800", "\uffff", "{", "}", "-", "#",
    ];

    public static readonly Gen<string> Mutated =
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[1, 6], Gen.Int[0, int.MaxValue].Array[18])
            .Select((seedIndex, count, choices) => Mutate(TemplateSeeds.Templates[seedIndex % TemplateSeeds.Templates.Count], count, choices));

    public static readonly Gen<string> FromTokens =
        Gen.OneOf(Tokens).Array[1, 30].Select(parts => string.Concat(parts));

    /// <summary>Applies <paramref name="count"/> edits, each driven by three of <paramref name="choices"/>.</summary>
    private static string Mutate(string text, int count, int[] choices)
    {
        for (var i = 0; i < count; i++)
        {
            var (op, a, b) = (choices[3 * i] % 4, choices[(3 * i) + 1], choices[(3 * i) + 2]);
            var at = text.Length == 0 ? 0 : a % (text.Length + 1);
            var token = Tokens[b % Tokens.Length];
            text = op switch
            {
                0 => text.Insert(at, token),
                1 => text.Length == 0 ? token : text.Remove(Math.Min(at, text.Length - 1), Math.Min(1 + (b % 8), text.Length - Math.Min(at, text.Length - 1))),
                2 => Swap(text, at, text.Length == 0 ? 0 : b % (text.Length + 1)),
                _ => Replace(text, at, token),
            };
        }

        return text;
    }

    /// <summary>Swaps the text before and after a cut, or two halves around two cuts: what a reordering typo does.</summary>
    private static string Swap(string text, int first, int second)
    {
        var (lo, hi) = first <= second ? (first, second) : (second, first);
        return string.Concat(text.AsSpan(hi), text.AsSpan(lo, hi - lo), text.AsSpan(0, lo));
    }

    /// <summary>Replaces the token under a position (up to the next space or brace) with another.</summary>
    private static string Replace(string text, int at, string token)
    {
        var end = at;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('{' or '}'))
        {
            end++;
        }

        return string.Concat(text.AsSpan(0, at), token, text.AsSpan(end));
    }
}
