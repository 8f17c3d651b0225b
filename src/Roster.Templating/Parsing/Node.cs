namespace Roster.Templating.Parsing;

/// <summary>A node of the parse tree; <see cref="Pos"/> is its offset in the source, for error locations.</summary>
internal abstract record Node(int Pos)
{
    /// <summary>Go's Node.String(): the node re-printed as template source, shown in exec errors as &lt;…&gt;.</summary>
    public abstract override string ToString();
}
