using CsCheck;

namespace Roster.Fuzz.Tests.Abuse;

/// <summary>Strings built to break out of an HAProxy config word: a harmless name with one hostile piece spliced in.</summary>
internal static class HostileText
{
    /// <summary>Each would end a word or a line, start a comment, open a quote or hide text in haproxy.cfg.</summary>
    public static readonly string[] LineBreakers =
    [
        " ", "\t", "\n", "\r\n", "\n    server evil 10.6.6.6:80", "\u0000", "\u0001", "\u001b[2J", "\u007f", "\u0085", "\u00a0", "\u2028",
        "\u200b", "\u202e", "\ufeff",
    ];

    /// <summary>HAProxy syntax inside a word: refused in names, IDs and addresses, allowed in tags.</summary>
    public static readonly string[] Syntax = ["#", "# comment", "\"", "'", "`", "\\", "{", "}", "\" \"", "#\n"];

    public static Gen<string> Spliced(string[] pieces) =>
        Gen.Select(Gen.OneOf("www", "www-1", "10.0.0.1", "a"), Gen.OneOf(pieces), Gen.Int[0, 12])
            .Select((word, piece, at) => word.Insert(Math.Min(at, word.Length), piece));
}
