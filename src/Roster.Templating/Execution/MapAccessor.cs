using System.Collections;
using System.Collections.Concurrent;

namespace Roster.Templating.Execution;

/// <summary>
/// Uniform access to the dictionaries that stand for Go maps (IDictionary&lt;K,V&gt;, IReadOnlyDictionary&lt;K,V&gt;,
/// IDictionary). Resolved once per runtime type, because re-rendering must not repeat reflection per node.
/// </summary>
internal abstract class MapAccessor
{
    private static readonly ConcurrentDictionary<Type, MapAccessor?> Cache = new();

    public abstract Type KeyType { get; }

    public abstract Type ValueType { get; }

    /// <summary>Go's zero value of the element type (0, false, "" or nil), returned by index for a missing key.</summary>
    public object? ZeroValue => ValueType == typeof(string) ? string.Empty : ValueType.IsValueType ? Activator.CreateInstance(ValueType) : null;

    public static MapAccessor? For(object? value) => value is null or string ? null : ForType(value.GetType());

    public static MapAccessor? ForType(Type type) => Cache.GetOrAdd(type, Resolve);

    public abstract int Count(object map);

    public abstract bool TryGetValue(object map, object key, out object? value);

    public abstract IEnumerable<KeyValuePair<object, object?>> Entries(object map);

    /// <summary>Entries in Go's printing and range order: keys sorted (ordinal strings, numeric numbers).</summary>
    public List<KeyValuePair<object, object?>> SortedEntries(object map)
    {
        var entries = Entries(map).ToList();
        entries.Sort((a, b) => CompareKeys(a.Key, b.Key));
        return entries;
    }

    private static int CompareKeys(object a, object b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        _ when GoValues.TryGetInt64(a, out var x) && GoValues.TryGetInt64(b, out var y) => x.CompareTo(y),
        (IComparable x, _) when a.GetType() == b.GetType() => x.CompareTo(b),
        _ => string.CompareOrdinal(a.ToString(), b.ToString()),
    };

    private static MapAccessor? Resolve(Type type)
    {
        foreach (var definition in new[] { typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>) })
        {
            var generic = type.IsGenericType && type.GetGenericTypeDefinition() == definition
                ? type
                : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
            if (generic is not null)
            {
                var accessor = definition == typeof(IDictionary<,>) ? typeof(DictionaryAccessor<,>) : typeof(ReadOnlyAccessor<,>);
                return (MapAccessor)Activator.CreateInstance(accessor.MakeGenericType(generic.GetGenericArguments()))!;
            }
        }

        return typeof(IDictionary).IsAssignableFrom(type) ? new NonGenericAccessor() : null;
    }

    private sealed class ReadOnlyAccessor<TKey, TValue> : MapAccessor
        where TKey : notnull
    {
        public override Type KeyType => typeof(TKey);

        public override Type ValueType => typeof(TValue);

        public override int Count(object map) => ((IReadOnlyDictionary<TKey, TValue>)map).Count;

        public override bool TryGetValue(object map, object key, out object? value)
        {
            var found = ((IReadOnlyDictionary<TKey, TValue>)map).TryGetValue((TKey)key, out var typed);
            value = typed;
            return found;
        }

        public override IEnumerable<KeyValuePair<object, object?>> Entries(object map) =>
            ((IReadOnlyDictionary<TKey, TValue>)map).Select(e => new KeyValuePair<object, object?>(e.Key, e.Value));
    }

    private sealed class DictionaryAccessor<TKey, TValue> : MapAccessor
        where TKey : notnull
    {
        public override Type KeyType => typeof(TKey);

        public override Type ValueType => typeof(TValue);

        public override int Count(object map) => ((IDictionary<TKey, TValue>)map).Count;

        public override bool TryGetValue(object map, object key, out object? value)
        {
            var found = ((IDictionary<TKey, TValue>)map).TryGetValue((TKey)key, out var typed);
            value = typed;
            return found;
        }

        public override IEnumerable<KeyValuePair<object, object?>> Entries(object map) =>
            ((IDictionary<TKey, TValue>)map).Select(e => new KeyValuePair<object, object?>(e.Key, e.Value));
    }

    private sealed class NonGenericAccessor : MapAccessor
    {
        public override Type KeyType => typeof(object);

        public override Type ValueType => typeof(object);

        public override int Count(object map) => ((IDictionary)map).Count;

        public override bool TryGetValue(object map, object key, out object? value)
        {
            var dictionary = (IDictionary)map;
            var found = dictionary.Contains(key);
            value = found ? dictionary[key] : null;
            return found;
        }

        public override IEnumerable<KeyValuePair<object, object?>> Entries(object map) =>
            ((IDictionary)map).Cast<DictionaryEntry>().Select(e => new KeyValuePair<object, object?>(e.Key, e.Value));
    }
}
