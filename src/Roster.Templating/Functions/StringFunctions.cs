using System.Globalization;
using System.Text;

namespace Roster.Templating.Functions;

/// <summary>consul-template's pipe-shaped wrappers of Go's strings package: the subject string is always the last argument.</summary>
internal static class StringFunctions
{
    public static string Join(string sep, IEnumerable<string>? a) => string.Join(sep, a ?? []);

    /// <summary>Trims s first; an empty result splits into an empty list, not [""].</summary>
    public static IReadOnlyList<string> Split(string sep, string s)
    {
        s = s.Trim();
        if (s.Length == 0)
        {
            return [];
        }

        // Go's strings.Split with an empty separator splits after each UTF-8 sequence (rune).
        return sep.Length == 0 ? [.. s.EnumerateRunes().Select(r => r.ToString())] : s.Split(sep);
    }

    /// <summary>Splits s by sep1 into items and each item at its first sep2 into key and value; items without sep2 are skipped.</summary>
    public static IReadOnlyDictionary<string, string> SplitToMap(string sep1, string sep2, string s)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        s = s.Trim();
        if (s.Length == 0)
        {
            return map;
        }

        foreach (var item in Split(sep1, s))
        {
            var at = sep2.Length == 0 ? 0 : item.IndexOf(sep2, StringComparison.Ordinal);
            if (at >= 0)
            {
                map[item[..at]] = item[(at + sep2.Length)..];
            }
        }

        return map;
    }

    /// <summary>Go's strings.Replace(s, from, to, -1); an empty <paramref name="from"/> matches before every rune and at the end.</summary>
    public static string ReplaceAll(string from, string to, string s)
    {
        if (from.Length > 0)
        {
            return s.Replace(from, to, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(to);
        foreach (var rune in s.EnumerateRunes())
        {
            sb.Append(rune.ToString()).Append(to);
        }

        return sb.ToString();
    }

    public static string ToLower(string s) => s.ToLowerInvariant();

    public static string ToUpper(string s) => s.ToUpperInvariant();

    /// <summary>cases.Title(language.Und, cases.NoLower): the first letter of each word upper-cased, the rest untouched.</summary>
    public static string ToTitle(string s)
    {
        var sb = new StringBuilder(s.Length);
        var inWord = false;
        foreach (var rune in s.EnumerateRunes())
        {
            var wordChar = Rune.IsLetterOrDigit(rune) || rune.Value is '_' or '\'' ||
                Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            sb.Append((!inWord && Rune.IsLetter(rune) ? Rune.ToUpperInvariant(rune) : rune).ToString());
            inWord = wordChar;
        }

        return sb.ToString();
    }

    public static string TrimSpace(string s) => s.Trim();

    /// <summary>Go's strings.Trim: removes leading and trailing runes that appear in cutset.</summary>
    public static string Trim(string cutset, string s)
    {
        var cut = cutset.EnumerateRunes().ToHashSet();
        var runes = s.EnumerateRunes().ToList();
        var start = runes.FindIndex(r => !cut.Contains(r));
        if (start < 0)
        {
            return "";
        }

        var end = runes.FindLastIndex(r => !cut.Contains(r));
        return string.Concat(runes.Skip(start).Take(end - start + 1).Select(r => r.ToString()));
    }

    public static string TrimPrefix(string prefix, string s) =>
        prefix.Length > 0 && s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s;

    public static string TrimSuffix(string suffix, string s) =>
        suffix.Length > 0 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s;

    /// <summary>Prefixes every non-empty line with <paramref name="spaces"/> spaces (a line holding only "\r" counts as non-empty, as in Go).</summary>
    public static string Indent(int spaces, string s)
    {
        if (spaces < 0)
        {
            throw new InvalidOperationException("indent value must be a positive integer");
        }

        var prefix = new string(' ', spaces);
        var sb = new StringBuilder(s.Length);
        var lineStart = true;
        foreach (var c in s)
        {
            if (lineStart && c != '\n')
            {
                sb.Append(prefix);
            }

            sb.Append(c);
            lineStart = c == '\n';
        }

        return sb.ToString();
    }
}
