namespace Roster.Templating.Execution;

/// <summary>The flags, width and precision of one printf verb (Go's fmt.fmtFlags plus wid/prec).</summary>
internal readonly record struct FormatSpec(bool Minus, bool Plus, bool Sharp, bool Space, bool Zero, int? Width, int? Precision)
{
    /// <summary>%+v asks for field names; Go moves the plus flag there so numbers print without a sign.</summary>
    public bool PlusV { get; init; }

    public static FormatSpec None { get; }
}
