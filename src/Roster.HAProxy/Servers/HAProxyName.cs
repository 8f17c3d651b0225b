using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Roster.HAProxy.Servers;

/// <summary>
/// Turns a registry string (an instance ID, a service name) into a name HAProxy accepts for a server or backend.
/// </summary>
/// <remarks>
/// The rule, deterministic and one-to-one:
/// <list type="number">
/// <item>HAProxy 2.6 allows only ASCII letters, digits and <c>_ - . :</c> in names (anything else is an ALERT).</item>
/// <item>A string of only those characters, at most <see cref="MaxLength"/> long and not ending the way rule 3 does,
/// is used as it is: <c>www-host-20001-6f1c…</c> stays readable in <c>show stat</c> and on the stats page.</item>
/// <item>Any other string becomes its allowed characters (each other UTF-16 unit replaced by <c>_</c>, cut to fit) +
/// <c>--</c> + the first 12 hex digits of the SHA-256 of its UTF-16 code units: <c>web/1</c> → <c>web_1--&lt;hash&gt;</c>.</item>
/// </list>
/// Two different strings therefore get the same name only if both took rule 3 and their hashes collide
/// (48 bits). A string that already ends in <c>--</c> + 12 hex digits takes rule 3 too, so no one can pick an ID
/// that equals another ID's mapped name.
/// </remarks>
internal static partial class HAProxyName
{
    /// <summary>
    /// Longest name produced. HAProxy sets no limit, but each server is one line of the server-state file, which
    /// HAProxy reads into a fixed buffer, and one Runtime API command; 100 leaves ample room in both.
    /// </summary>
    public const int MaxLength = 100;

    private const string Separator = "--";
    private const int HashDigits = 12;

    public static string From(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (text.Length <= MaxLength && IsValid(text) && !HashedSuffix().IsMatch(text))
        {
            return text;
        }

        var kept = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = IsAllowed(source[i]) ? source[i] : '_';
            }
        });
        var room = MaxLength - Separator.Length - HashDigits;
        return kept[..Math.Min(kept.Length, room)] + Separator + Hash(text);
    }

    /// <summary>Whether HAProxy accepts <paramref name="name"/> as a server or proxy name.</summary>
    public static bool IsValid(string name) => name.Length > 0 && name.All(IsAllowed);

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':';

    // The code units, not UTF-8: two IDs that differ only in unpaired surrogates must not hash alike.
    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan())))[..HashDigits];

    [GeneratedRegex(@"--[0-9a-f]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HashedSuffix();
}
