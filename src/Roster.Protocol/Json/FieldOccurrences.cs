using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Protocol.Json;

/// <summary>What one property received: under its own key (index 0) and under each alias, the last occurrence of each.</summary>
internal sealed class FieldOccurrences(int count)
{
    private readonly bool[] _present = new bool[count];

    public JsonElement[] Raw { get; } = new JsonElement[count];

    public JsonNode?[] Nodes { get; } = new JsonNode?[count];

    public void Set(int rank, JsonElement raw, JsonNode? node)
    {
        _present[rank] = true;
        Raw[rank] = raw;
        Nodes[rank] = node;
    }

    /// <summary>Consul's merge: the first of own key, then aliases, that holds a non-zero value; otherwise whichever was given.</summary>
    public int Choose(bool isDuration)
    {
        for (var rank = 0; rank < _present.Length; rank++)
        {
            if (_present[rank] && (isDuration || !IsGoZero(Raw[rank])))
            {
                return rank;
            }
        }

        return Array.IndexOf(_present, true);
    }

    private static bool IsGoZero(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.ValueEquals(string.Empty),
        JsonValueKind.Number => value.TryGetDouble(out var number) && number == 0,
        JsonValueKind.False => true,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        _ => false,
    };
}
