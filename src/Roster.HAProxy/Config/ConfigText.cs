using System.Globalization;

namespace Roster.HAProxy.Config;

/// <summary>
/// Which strings may sit in haproxy.cfg as one bare word. HAProxy splits words on whitespace, ends a line at a line
/// break, starts a comment at '#', and treats quotes, backslash escapes and braces (anonymous ACLs) as syntax; any of
/// those in registry data could add or change configuration.
/// </summary>
/// <remarks>
/// The Runtime API also splits commands at ';'. That is not refused here (a tag may well hold one); what goes into a
/// command is a server name (<see cref="Servers.HAProxyName"/> allows no ';'), an IP, a port and the server options.
/// </remarks>
internal static class ConfigText
{
    private const string Syntax = "'\"`#\\{}";

    /// <summary>Why <paramref name="text"/> cannot be written into the config, or null if it can.</summary>
    /// <remarks>The reason names the character by code point only, so it is itself safe to log.</remarks>
    public static string? FindUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return Describe("an unpaired surrogate", c);
            }

            if (char.IsWhiteSpace(c))
            {
                return Describe("whitespace", c);
            }

            if (char.IsControl(c))
            {
                return Describe("a control character", c);
            }

            // Zero-width spaces and direction marks are not whitespace to .NET, but they hide what a line says.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return Describe("an invisible format character", c);
            }

            if (Syntax.Contains(c, StringComparison.Ordinal))
            {
                return Describe("HAProxy config syntax", c);
            }
        }

        return null;
    }

    private static string Describe(string what, char c) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} (U+{(int)c:X4})");
}
