using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roster.Protocol.Json;

/// <summary>
/// A KV value as Consul writes it: standard base64 with padding, and <c>null</c> (not <c>""</c>) when the value is empty,
/// because Go encodes a nil <c>[]byte</c> as null.
/// </summary>
internal sealed class KvValueJsonConverter : JsonConverter<ReadOnlyMemory<byte>>
{
    public override bool HandleNull => true;

    public override ReadOnlyMemory<byte> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? ReadOnlyMemory<byte>.Empty : reader.GetBytesFromBase64();

    public override void Write(Utf8JsonWriter writer, ReadOnlyMemory<byte> value, JsonSerializerOptions options)
    {
        if (value.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBase64StringValue(value.Span);
        }
    }
}
