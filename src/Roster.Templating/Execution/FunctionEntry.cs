namespace Roster.Templating.Execution;

/// <summary>A registered function with its calling shape resolved once at registration.</summary>
internal sealed record FunctionEntry(string Name, Delegate Function, Callable Callable, BuiltinKind Builtin);
