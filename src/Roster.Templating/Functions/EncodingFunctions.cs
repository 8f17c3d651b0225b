using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Roster.Templating.Functions;

/// <summary>consul-template's base64 and hash helpers; Go strings are bytes, so text goes through UTF-8 both ways.</summary>
internal static class EncodingFunctions
{
    public static string Base64Encode(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    public static string Base64Decode(string s) => Decode("base64Decode", s, url: false);

    public static string Base64UrlEncode(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).Replace('+', '-').Replace('/', '_');

    public static string Base64UrlDecode(string s) => Decode("base64URLDecode", s, url: true);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Go's hex.EncodeToString is lower case.")]
    public static string Sha256Hex(string item) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(item))).ToLowerInvariant();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "md5sum is a template checksum helper, not a security control.")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Go's %x is lower case.")]
    public static string Md5Sum(string item) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(item))).ToLowerInvariant();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308", Justification = "Go's hex.EncodeToString is lower case.")]
    public static string HmacSha256Hex(string message, string key) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message))).ToLowerInvariant();

    // The decoded bytes become a string as Go's string(bytes) would print them: invalid UTF-8 shows as U+FFFD.
    private static string Decode(string name, string s, bool url)
    {
        try
        {
            return Encoding.UTF8.GetString(GoBase64.Decode(s, url));
        }
        catch (FormatException e)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name}: {e.Message}"), e);
        }
    }
}
