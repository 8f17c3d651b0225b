using Roster.Protocol.Durations;

namespace Roster.Templating.Runner;

/// <summary>Quiescence bounds, <c>-wait "min[:max]"</c>: render once changes stop for <see cref="Min"/>, but no later than <see cref="Max"/> after the first.</summary>
public sealed record WaitSpec(TimeSpan Min, TimeSpan Max)
{
    internal const string EmptyError = "wait: cannot be empty";
    internal const string InvalidFormatError = "wait: invalid format";
    internal const string NegativeError = "wait: cannot be negative";
    internal const string MinNotLessThanMaxError = "wait: min must be less than max";

    /// <summary>No quiescence: a change is due at once.</summary>
    public static WaitSpec None { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>
    /// consul-template's ParseWaitConfig (config/wait.go): trims, splits on ':', parses Go durations, <c>max</c> defaults
    /// to 4×<c>min</c>. Throws <see cref="FormatException"/> with its error text, or Go's own text for a bad duration
    /// (<c>time: invalid duration "x"</c>), which consul-template passes through unchanged.
    /// </summary>
    public static WaitSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0)
        {
            throw new FormatException(EmptyError);
        }

        var parts = text.Split(':');
        if (parts.Length > 2)
        {
            throw new FormatException(InvalidFormatError);
        }

        var min = GoDuration.Parse(parts[0].Trim());
        var max = parts.Length == 2 ? GoDuration.Parse(parts[1].Trim()) : min * 4;

        // Same order as Go: a negative bound wins over a reversed pair ("-5s" is negative, not reversed).
        if (min < TimeSpan.Zero || max < TimeSpan.Zero)
        {
            throw new FormatException(NegativeError);
        }

        // Equal bounds are allowed despite the message: Go rejects only max < min.
        return max < min ? throw new FormatException(MinNotLessThanMaxError) : new WaitSpec(min, max);
    }
}
