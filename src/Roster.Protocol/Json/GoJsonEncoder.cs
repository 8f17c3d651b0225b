using System.Text;
using System.Text.Encodings.Web;

namespace Roster.Protocol.Json;

/// <summary>
/// Escapes JSON strings exactly as Go's <c>encoding/json</c> does, so our bodies match Consul's byte for byte:
/// <c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, other control characters and the HTML-sensitive <c>&lt; &gt; &amp;</c> and
/// U+2028/U+2029 as lowercase <c>\u00XX</c>; everything else raw (the built-in encoders also escape <c>'</c>, which is in
/// every default check name, <c>+</c> and characters outside the BMP).
/// </summary>
internal sealed unsafe class GoJsonEncoder : JavaScriptEncoder
{
    public static GoJsonEncoder Instance { get; } = new();

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar is < 0x20 or '"' or '\\' or '<' or '>' or '&' or 0x2028 or 0x2029 or (>= 0xD800 and <= 0xDFFF);

    public override int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < textLength && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (WillEncode(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public override bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            return new Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten);
        }

        ReadOnlySpan<char> escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",

            // A lone surrogate is invalid text; Go writes the replacement character for invalid UTF-8.
            >= 0xD800 and <= 0xDFFF => "\\ufffd",
            _ => string.Create(null, stackalloc char[6], $"\\u{unicodeScalar:x4}"),
        };
        if (escape.TryCopyTo(destination))
        {
            numberOfCharactersWritten = escape.Length;
            return true;
        }

        numberOfCharactersWritten = 0;
        return false;
    }
}
