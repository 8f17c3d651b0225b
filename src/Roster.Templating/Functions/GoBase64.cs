namespace Roster.Templating.Functions;

/// <summary>
/// Go's padded base64 decoding (StdEncoding/URLEncoding): strict alphabet, '\r' and '\n' skipped, and failures reported
/// as <c>illegal base64 data at input byte N</c>, which .NET's lenient decoder cannot tell.
/// </summary>
internal static class GoBase64
{
    private const string Standard = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static byte[] Decode(string s, bool url)
    {
        var alphabet = url ? Url : Standard;
        var output = new List<byte>(s.Length * 3 / 4);
        var quantum = new int[4];
        var filled = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '\r' or '\n')
            {
                i++;
                continue;
            }

            if (c == '=')
            {
                // Go's decodeQuantum: padding completes a quantum of 2 ("==") or 3 ("=") symbols, then only newlines may follow.
                i++;
                if (filled < 2)
                {
                    throw Illegal(i - 1);
                }

                if (filled == 2)
                {
                    i = SkipNewlines(s, i);
                    if (i == s.Length)
                    {
                        throw Illegal(s.Length);
                    }

                    if (s[i] != '=')
                    {
                        throw Illegal(i - 1);
                    }

                    i++;
                }

                i = SkipNewlines(s, i);
                if (i < s.Length)
                {
                    throw Illegal(i);
                }

                Flush(quantum, filled, output);
                return [.. output];
            }

            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw Illegal(i);
            }

            quantum[filled++] = value;
            if (filled == 4)
            {
                Flush(quantum, 4, output);
                filled = 0;
            }

            i++;
        }

        // Input that stops inside a quantum: Go blames the quantum's first symbol.
        return filled == 0 ? [.. output] : throw Illegal(s.Length - filled);
    }

    private static int SkipNewlines(string s, int i)
    {
        while (i < s.Length && s[i] is '\r' or '\n')
        {
            i++;
        }

        return i;
    }

    private static void Flush(int[] q, int count, List<byte> output)
    {
        var bits = (q[0] << 18) | (q[1] << 12) | ((count > 2 ? q[2] : 0) << 6) | (count > 3 ? q[3] : 0);
        output.Add((byte)(bits >> 16));
        if (count > 2)
        {
            output.Add((byte)(bits >> 8));
        }

        if (count > 3)
        {
            output.Add((byte)bits);
        }
    }

    private static FormatException Illegal(int offset) => new($"illegal base64 data at input byte {offset}");
}
