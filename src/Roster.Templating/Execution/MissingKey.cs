namespace Roster.Templating.Execution;

/// <summary>
/// Go's missingkey option: what <c>.key</c> yields for a key a map lacks. consul-template runs with
/// <see cref="Zero"/>, or <see cref="Error"/> when error_on_missing_key is set.
/// </summary>
internal enum MissingKey
{
    /// <summary>An invalid value, printed as &lt;no value&gt; (Go's default).</summary>
    Default,

    /// <summary>The map element type's zero value ("" for string maps; still &lt;no value&gt; for object maps, as in Go).</summary>
    Zero,

    /// <summary>Execution stops with <c>map has no entry for key "k"</c>.</summary>
    Error,
}
