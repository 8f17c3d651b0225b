using System.Globalization;
using System.Text;

namespace Roster.Cli.Up;

/// <summary>
/// Where a running <c>roster up</c> reads how many instances of each service to run: <c>roster/scale/SERVICE</c> in
/// the registry's KV, the count as decimal text. The registry is the control plane: <c>roster scale</c> only writes it.
/// </summary>
internal static class ScaleKey
{
    public const string Prefix = "roster/scale/";

    /// <summary>The most instances of one service <c>roster scale</c> and <c>roster up</c> accept (each is a process).</summary>
    public const int MaxCount = 64;

    public static string For(string service) => Prefix + service;

    public static byte[] Encode(int count) => Encoding.UTF8.GetBytes(count.ToString(CultureInfo.InvariantCulture));

    /// <summary>The count a value holds; null for anything but a whole number from 0 to <see cref="MaxCount"/>.</summary>
    public static int? Decode(ReadOnlySpan<byte> value) =>
        int.TryParse(Encoding.UTF8.GetString(value).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxCount
            ? count
            : null;
}
