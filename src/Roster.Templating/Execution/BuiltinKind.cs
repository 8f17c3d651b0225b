namespace Roster.Templating.Execution;

/// <summary>Builtins the evaluator must run itself: and/or short-circuit, call needs its callee's name.</summary>
internal enum BuiltinKind
{
    None,
    And,
    Or,
    Call,
}
