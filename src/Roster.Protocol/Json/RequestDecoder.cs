using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Roster.Protocol.Durations;

namespace Roster.Protocol.Json;

/// <summary>
/// Consul's request decoding: Go's <c>json.Decoder</c> with <c>DisallowUnknownFields</c> plus the <c>UnmarshalJSON</c>
/// methods of Consul's structs (aliases, durations). It rewrites the body into a tree with exact property names, checking
/// every key and value type the way Go does, then lets System.Text.Json bind that tree to the record.
/// </summary>
internal static class RequestDecoder
{
    public static T Decode<T>(ReadOnlySpan<byte> body, JsonSerializerOptions options)
    {
        if (!GoJsonScanner.TryFindFirstValue(body, out var length, out var syntaxError))
        {
            throw new ConsulDecodeException(syntaxError);
        }

        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body[..length], new JsonReaderOptions { MaxDepth = GoJsonScanner.MaxNestingDepth + 1 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            // Go's scanner took it, so this is what only System.Text.Json refuses: invalid UTF-8 or UTF-16 in a string.
            throw new ConsulDecodeException("json: invalid text encoding in request body", e);
        }

        using (document)
        {
            var type = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            var root = document.RootElement;

            // A body of just `null` leaves Go's target untouched: the zero record.
            var tree = root.ValueKind == JsonValueKind.Null ? Zero(type) : Convert(root, type, path: "", owner: null);
            try
            {
                return JsonSerializer.Deserialize(tree, type) ?? throw new ConsulDecodeException("json: cannot decode null request body");
            }
            catch (JsonException e)
            {
                throw new ConsulDecodeException("json: cannot unmarshal request body at " + e.Path, e);
            }
        }
    }

    private static JsonNode? Convert(JsonElement value, JsonTypeInfo type, string path, string? owner)
    {
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                return value.ValueKind == JsonValueKind.Object ? ConvertObject(value, type, path) : throw Mismatch(value, type, path, owner);

            case JsonTypeInfoKind.Enumerable:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    throw Mismatch(value, type, path, owner);
                }

                var elementType = type.Options.GetTypeInfo(type.ElementType!);
                var array = new JsonArray();
                foreach (var item in value.EnumerateArray())
                {
                    // Go decodes null into a slice element as that element's zero value.
                    array.Add(item.ValueKind == JsonValueKind.Null ? Zero(elementType) : Convert(item, elementType, path, owner));
                }

                return array;

            case JsonTypeInfoKind.Dictionary:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    throw Mismatch(value, type, path, owner);
                }

                var entryType = type.Options.GetTypeInfo(type.ElementType!);
                var map = new JsonObject();
                foreach (var member in value.EnumerateObject())
                {
                    map[member.Name] = member.Value.ValueKind == JsonValueKind.Null
                        ? Zero(entryType)
                        : Convert(member.Value, entryType, Join(path, member.Name), owner);
                }

                return map;

            default:
                return IsDuration(type.Type) ? ParseDuration(value) : ConvertScalar(value, type, path, owner);
        }
    }

    private static JsonObject ConvertObject(JsonElement value, JsonTypeInfo type, string path)
    {
        var contract = DecodeContract.For(type);
        var slots = new FieldOccurrences?[contract.Properties.Count];

        // First pass, in document order like Go: unknown keys and wrong value types fail at once.
        foreach (var member in value.EnumerateObject())
        {
            if (!contract.TryResolve(member.Name, out var target))
            {
                throw new ConsulDecodeException("json: unknown field " + GoText.Quote(member.Name));
            }

            // Null is "not given" for every field Consul has (Go leaves the field as it was).
            if (target.IsIgnored || member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var property = contract.Properties[target.Property];
            JsonNode? node = null;
            if (IsDuration(property.PropertyType))
            {
                // Consul reads durations into interface{} and ignores anything but a string or a number.
                if (member.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                {
                    continue;
                }
            }
            else
            {
                node = Convert(member.Value, contract.TypeInfos[target.Property], Join(path, property.Name), type.Type.Name);
            }

            var slot = slots[target.Property] ??= new FieldOccurrences(contract.AliasCounts[target.Property] + 1);
            slot.Set(target.Rank, member.Value, node);
        }

        // Second pass, in declaration order: merge aliases, then parse durations, which Consul does only after the
        // whole object decoded cleanly, so a structural error anywhere in it wins over a bad duration.
        var result = new JsonObject();
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] is not { } slot)
            {
                continue;
            }

            var property = contract.Properties[i];
            var isDuration = IsDuration(property.PropertyType);
            var chosen = slot.Choose(isDuration);
            result[property.Name] = isDuration ? ParseDuration(slot.Raw[chosen]) : slot.Nodes[chosen];
        }

        return result;
    }

    private static JsonValue? ConvertScalar(JsonElement value, JsonTypeInfo type, string path, string? owner)
    {
        var clrType = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        var fits = Type.GetTypeCode(clrType) switch
        {
            TypeCode.String => value.ValueKind == JsonValueKind.String,
            TypeCode.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            TypeCode.Int32 => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _),
            TypeCode.Int64 => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            TypeCode.UInt16 => value.ValueKind == JsonValueKind.Number && value.TryGetUInt16(out _),
            TypeCode.UInt32 => value.ValueKind == JsonValueKind.Number && value.TryGetUInt32(out _),
            TypeCode.UInt64 => value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out _),
            TypeCode.Byte => value.ValueKind == JsonValueKind.Number && value.TryGetByte(out _),
            TypeCode.Double => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out _),

            // Anything else (object, JsonElement) has no Go counterpart to check: System.Text.Json binds it.
            _ => true,
        };
        return fits ? JsonValue.Create(value) : throw Mismatch(value, type, path, owner);
    }

    /// <summary>A duration as Consul's <c>UnmarshalJSON</c> reads it; the tree carries exact nanoseconds for the converter.</summary>
    private static JsonValue ParseDuration(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return JsonValue.Create(GoDurationJsonConverter.Saturate(value.GetDouble()));
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

        // Consul returns time.ParseDuration's error as is: "Request decode failed: time: missing unit in duration \"10\"".
        return GoDuration.TryParseNanoseconds(text, out var nanoseconds, out var error)
            ? JsonValue.Create(nanoseconds)
            : throw new ConsulDecodeException(error);
    }

    /// <summary>The value Go would hold for a null element: empty record, collection, string, false or zero.</summary>
    private static JsonNode? Zero(JsonTypeInfo type)
    {
        if (type.Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary)
        {
            return new JsonObject();
        }

        if (type.Kind == JsonTypeInfoKind.Enumerable)
        {
            return new JsonArray();
        }

        if (Nullable.GetUnderlyingType(type.Type) is not null)
        {
            return null;
        }

        return Type.GetTypeCode(type.Type) switch
        {
            TypeCode.String => JsonValue.Create(string.Empty),
            TypeCode.Boolean => JsonValue.Create(false),
            _ when IsNumber(type.Type) => JsonValue.Create(0),
            _ => null,
        };
    }

    private static ConsulDecodeException Mismatch(JsonElement value, JsonTypeInfo type, string path, string? owner)
    {
        var what = value.ValueKind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number when IsNumber(type.Type) => "number " + value.GetRawText(),
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Array => "array",
            _ => "object",
        };
        var goType = GoTypeNames.Of(type);
        return new ConsulDecodeException(owner is null
            ? $"json: cannot unmarshal {what} into Go value of type {goType}"
            : $"json: cannot unmarshal {what} into Go struct field {owner}.{path} of type {goType}");
    }

    private static bool IsNumber(Type type) => Type.GetTypeCode(Nullable.GetUnderlyingType(type) ?? type) is
        TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte or TypeCode.Double;

    private static bool IsDuration(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(TimeSpan);

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
