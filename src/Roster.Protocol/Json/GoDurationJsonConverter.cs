using System.Text.Json;
using System.Text.Json.Serialization;
using Roster.Protocol.Durations;

namespace Roster.Protocol.Json;

/// <summary>
/// Reads a duration as Consul does (a JSON string in Go syntax, or a JSON number of nanoseconds) and writes Go's
/// <c>Duration.String()</c>; registered for <see cref="TimeSpan"/>, it serves <see cref="Nullable{TimeSpan}"/> too.
/// </summary>
public sealed class GoDurationJsonConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return GoDuration.TryParseNanoseconds(text, out var nanoseconds, out var error)
                    ? GoDuration.FromNanoseconds(nanoseconds)
                    : throw new JsonException(error);
            case JsonTokenType.Number:
                return GoDuration.FromNanoseconds(ReadNanoseconds(ref reader));
            case JsonTokenType.Null:
                // Go leaves a non-pointer field untouched on null.
                return TimeSpan.Zero;
            default:
                throw new JsonException($"json: cannot unmarshal {reader.TokenType} into Go value of type time.Duration");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(GoDuration.Format(value));
    }

    /// <summary>A JSON number as Go's <c>time.Duration(float64)</c>: nanoseconds, fraction truncated.</summary>
    internal static long ReadNanoseconds(ref Utf8JsonReader reader) =>
        reader.TryGetInt64(out var whole) ? whole : Saturate(reader.GetDouble());

    internal static long Saturate(double nanoseconds) => nanoseconds switch
    {
        >= long.MaxValue => long.MaxValue,
        <= long.MinValue => long.MinValue,
        _ => (long)nanoseconds,
    };
}
