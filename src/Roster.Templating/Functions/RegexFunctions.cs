using System.Text;
using System.Text.RegularExpressions;

namespace Roster.Templating.Functions;

/// <summary>consul-template's regexMatch and regexReplaceAll with Go's regexp semantics (see <see cref="GoRegex"/>).</summary>
internal static class RegexFunctions
{
    public static bool RegexMatch(string re, string s) => GoRegex.Compile(re).Regex.IsMatch(s);

    /// <summary>Go's Regexp.ReplaceAllString: <c>$1</c>, <c>${1}</c>, <c>$name</c>, <c>${name}</c> and <c>$$</c> in the replacement.</summary>
    public static string RegexReplaceAll(string re, string replacement, string s)
    {
        var compiled = GoRegex.Compile(re);
        var regex = compiled.Regex;
        var sb = new StringBuilder(s.Length);
        var copied = 0;
        var lastMatchEnd = 0;
        foreach (Match m in regex.Matches(s))
        {
            // Go skips an empty match right after the previous match, so "a*" over "baaac" gives "-b-c-", not "-b--c-".
            if (m.Index + m.Length > lastMatchEnd || m.Index == 0)
            {
                sb.Append(s, copied, m.Index - copied);
                Expand(compiled, m, replacement, sb);
                copied = m.Index + m.Length;
            }

            lastMatchEnd = m.Index + m.Length;
        }

        return sb.Append(s, copied, s.Length - copied).ToString();
    }

    // Go's Regexp.expand: $name takes the longest run of letters, digits and underscores, so "$1x" names group "1x"
    // (empty), not group 1 then "x"; a malformed reference leaves a literal '$'.
    private static void Expand(GoRegex regex, Match m, string template, StringBuilder sb)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '$')
            {
                sb.Append(template[i]);
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            var (name, end) = Extract(template, i + 1);
            if (name is null)
            {
                sb.Append('$');
                continue;
            }

            sb.Append(Group(regex, m, name));
            i = end - 1;
        }
    }

    private static (string? Name, int End) Extract(string t, int start)
    {
        var braced = start < t.Length && t[start] == '{';
        var i = braced ? start + 1 : start;
        var nameStart = i;
        while (i < t.Length && (char.IsAsciiLetterOrDigit(t[i]) || t[i] == '_'))
        {
            i++;
        }

        if (i == nameStart)
        {
            return (null, start);
        }

        if (braced)
        {
            return i < t.Length && t[i] == '}' ? (t[nameStart..i], i + 1) : (null, start);
        }

        return (t[nameStart..i], i);
    }

    private static string Group(GoRegex regex, Match m, string name)
    {
        // Go reads an all-digit name as a group number (a leading zero makes it a name no group can have).
        var number = name.All(char.IsAsciiDigit)
            ? (name.Length == 1 || name[0] != '0') && name.Length < 9 ? int.Parse(name, System.Globalization.CultureInfo.InvariantCulture) : -1
            : regex.GroupNumber(name);
        return number >= 0 && number < m.Groups.Count ? m.Groups[number].Value : "";
    }
}
