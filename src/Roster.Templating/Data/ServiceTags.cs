using System.Collections;

namespace Roster.Templating.Data;

/// <summary>consul-template's ServiceTags: a read-only list of tags that prints like a Go []string and keeps Go's Contains methods.</summary>
/// <remarks>
/// It is a list (not a record) so the engine ranges over it, indexes it and prints it as <c>[a b]</c>; the methods exist so
/// templates written for consul-template (<c>{{ if .Tags.Contains "web" }}</c>) keep working.
/// </remarks>
public sealed class ServiceTags : IReadOnlyList<string>
{
    private readonly string[] _tags;

    /// <summary>Copies <paramref name="tags"/> in the given order (consul-template sorts them before building one).</summary>
    public ServiceTags(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        _tags = [.. tags];
    }

    /// <summary>An empty tag list.</summary>
    public static ServiceTags Empty { get; } = new([]);

    /// <summary>Sorts a copy of <paramref name="tags"/> ordinally, as consul-template's deepCopyAndSortTags does.</summary>
    public static ServiceTags Sorted(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var copy = tags.ToArray();
        Array.Sort(copy, StringComparer.Ordinal);
        return new ServiceTags(copy);
    }

    /// <summary>The number of tags.</summary>
    public int Count => _tags.Length;

    /// <summary>The tag at <paramref name="index"/>.</summary>
    public string this[int index] => _tags[index];

    /// <summary>Whether <paramref name="tag"/> is one of the tags (Go's ServiceTags.Contains).</summary>
    public bool Contains(string tag) => Array.IndexOf(_tags, tag) >= 0;

    /// <summary>Whether every one of <paramref name="tags"/> is present (true for none).</summary>
    public bool ContainsAll(params string[] tags) => tags.All(Contains);

    /// <summary>Whether at least one of <paramref name="tags"/> is present.</summary>
    public bool ContainsAny(params string[] tags) => tags.Any(Contains);

    /// <summary>Whether none of <paramref name="tags"/> is present.</summary>
    public bool ContainsNone(params string[] tags) => !tags.Any(Contains);

    /// <summary>Whether at least one of <paramref name="tags"/> is missing.</summary>
    public bool ContainsNotAll(params string[] tags) => !tags.All(Contains);

    /// <summary>Enumerates the tags in order.</summary>
    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_tags).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Go's fmt rendering of a []string: <c>[a b]</c>.</summary>
    public override string ToString() => "[" + string.Join(' ', _tags) + "]";
}
