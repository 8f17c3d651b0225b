using System.Globalization;

namespace Roster.Templating.Functions;

/// <summary>consul-template's timestamp: the provider's current time in UTC, RFC 3339 by default, "unix" seconds, or a Go layout.</summary>
internal sealed class TimeFunctions(TimeProvider time)
{
    private const string Rfc3339 = "2006-01-02T15:04:05Z07:00";

    public string Timestamp(params string[] format)
    {
        var now = time.GetUtcNow();
        return format.Length switch
        {
            0 => GoTimeLayout.Format(now, Rfc3339),
            1 when format[0] == "unix" => now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            1 => GoTimeLayout.Format(now, format[0]),
            _ => throw new InvalidOperationException($"timestamp: wrong number of arguments, expected 0 or 1, but got {format.Length}"),
        };
    }
}
