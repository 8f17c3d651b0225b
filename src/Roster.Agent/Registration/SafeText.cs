using System.Globalization;

namespace Roster.Agent.Registration;

/// <summary>
/// Names, IDs, addresses and tags end up in HAProxy configs and DNS answers downstream. Whitespace, a control or an
/// invisible format character, or a lone surrogate in one could add config lines or hide what a line says, so they are
/// refused at the door. Names, IDs and addresses, which templates write as bare words (the seed's
/// <c>server {{ .ID }} {{ .Address }}:{{ .Port }}</c>), must also carry none of HAProxy's syntax: quotes, backquote,
/// '#', backslash, braces. Tags keep those (some tools put rules in tags) since no default path renders them.
/// </summary>
internal static class SafeText
{
    private const string HAProxySyntax = "'\"`#\\{}";

    /// <summary>Refuses a tag, a check ID or a check address: no line-breaking or hidden characters.</summary>
    public static void Require(string? value, string what) => Refuse(value, what, bareWord: false);

    /// <summary>Refuses a service name, ID or address: no line-breaking characters and no HAProxy syntax either.</summary>
    public static void RequireBareWord(string? value, string what) => Refuse(value, what, bareWord: true);

    /// <summary>Quotes a value for an error message with control characters escaped, so the message stays one line.</summary>
    public static string Quote(string value) =>
        "\"" + string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) || IsFormat(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";

    private static void Refuse(string? value, string what, bool bareWord)
    {
        if (Problem(value, bareWord) is { } why)
        {
            throw RegistrationError.BadRequest($"Invalid {what} {Quote(value!)}: {why}");
        }
    }

    private static string? Problem(string? value, bool bareWord)
    {
        for (var i = 0; value is not null && i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || IsFormat(c))
            {
                return "whitespace and control characters are not allowed";
            }
            else if (bareWord && HAProxySyntax.Contains(c, StringComparison.Ordinal))
            {
                return "quotes, '#', '\\' and braces are not allowed";
            }
        }

        return null;
    }

    private static bool IsFormat(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
