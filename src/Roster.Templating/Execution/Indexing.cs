using System.Globalization;
using System.Text;

namespace Roster.Templating.Execution;

/// <summary>Go's len, index and slice. Strings are UTF-8 bytes, as in Go.</summary>
internal static class Indexing
{
    public static long Length(object? item) => item switch
    {
        null => throw new GoError("len of nil pointer"),
        string s => Encoding.UTF8.GetByteCount(s),
        _ when MapAccessor.For(item) is { } map => map.Count(item),
        _ when GoValues.IsList(item) => GoValues.ListCount(item),
        _ => throw new GoError("len of type " + GoTypes.NameOf(item)),
    };

    public static object? Index(object? item, params object?[] indexes)
    {
        if (item is null)
        {
            throw new GoError("index of untyped nil");
        }

        foreach (var index in indexes)
        {
            if (item is null)
            {
                throw new GoError("index of nil pointer");
            }

            if (item is string s)
            {
                var bytes = Encoding.UTF8.GetBytes(s);
                item = bytes[IndexArg(index, bytes.Length, exclusive: true)];
            }
            else if (MapAccessor.For(item) is { } map)
            {
                var key = PrepareKey(index, map.KeyType);
                item = map.TryGetValue(item, key, out var value) ? value : map.ZeroValue;
            }
            else if (GoValues.IsList(item))
            {
                item = GoValues.ListItem(item, IndexArg(index, GoValues.ListCount(item), exclusive: true));
            }
            else
            {
                throw new GoError("can't index item of type " + GoTypes.NameOf(item));
            }
        }

        return item;
    }

    public static object? Slice(object? item, params object?[] indexes)
    {
        if (item is null)
        {
            throw new GoError("slice of untyped nil");
        }

        if (indexes.Length > 3)
        {
            throw new GoError(string.Create(CultureInfo.InvariantCulture, $"too many slice indexes: {indexes.Length}"));
        }

        // C# collections have no spare capacity, so Go's cap(s) is len(s) here.
        int length;
        if (item is string s)
        {
            if (indexes.Length == 3)
            {
                throw new GoError("cannot 3-index slice a string");
            }

            length = Encoding.UTF8.GetByteCount(s);
        }
        else if (GoValues.IsList(item))
        {
            length = GoValues.ListCount(item);
        }
        else
        {
            throw new GoError("can't slice item of type " + GoTypes.NameOf(item));
        }

        int[] idx = [0, length, length];
        for (var i = 0; i < indexes.Length; i++)
        {
            idx[i] = IndexArg(indexes[i], length, exclusive: false);
        }

        for (var i = 1; i < Math.Max(indexes.Length, 2); i++)
        {
            if (idx[i - 1] > idx[i])
            {
                throw new GoError(string.Create(CultureInfo.InvariantCulture, $"invalid slice index: {idx[i - 1]} > {idx[i]}"));
            }
        }

        return item is string text
            ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text), idx[0], idx[1] - idx[0])
            : ((System.Collections.IEnumerable)item).Cast<object?>().Skip(idx[0]).Take(idx[1] - idx[0]).ToList();
    }

    private static int IndexArg(object? index, int length, bool exclusive)
    {
        if (index is null)
        {
            throw new GoError("cannot index slice/array with nil");
        }

        if (!GoValues.TryGetInt64(index, out var x))
        {
            throw new GoError("cannot index slice/array with type " + GoTypes.NameOf(index));
        }

        if (x < 0 || x > length || (exclusive && x == length))
        {
            throw new GoError(string.Create(CultureInfo.InvariantCulture, $"index out of range: {x}"));
        }

        return (int)x;
    }

    /// <summary>Go's prepareArg for a map key: nil is refused, integers convert between integer types.</summary>
    private static object PrepareKey(object? key, Type keyType)
    {
        if (key is null)
        {
            throw new GoError("value is nil; should be of type " + GoTypes.NameOf(keyType));
        }

        if (keyType.IsInstanceOfType(key))
        {
            return key;
        }

        if (ArgumentConverter.IsIntegral(keyType) && GoValues.TryGetInt64(key, out var integer))
        {
            return Convert.ChangeType(integer, keyType, CultureInfo.InvariantCulture);
        }

        throw new GoError($"value has type {GoTypes.NameOf(key)}; should be {GoTypes.NameOf(keyType)}");
    }
}
