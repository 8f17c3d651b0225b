namespace Roster.Templating.Parsing;

/// <summary>
/// Go's lexOptions. break/continue are keywords only while no function of that name exists,
/// so templates written before Go 1.18 that define a "break" function keep working.
/// </summary>
internal sealed record LexerOptions(bool EmitComments, bool BreakIsKeyword, bool ContinueIsKeyword)
{
    public static LexerOptions Default { get; } = new(EmitComments: false, BreakIsKeyword: true, ContinueIsKeyword: true);
}
