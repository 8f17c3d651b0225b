namespace Roster.Templating.Execution;

/// <summary>
/// An error a builtin returns, as Go's funcs return an error value. The evaluator reports it as
/// <c>error calling NAME: MESSAGE</c>, exactly like any exception thrown by a registered function.
/// </summary>
internal sealed class GoError : Exception
{
    public GoError()
    {
    }

    public GoError(string message)
        : base(message)
    {
    }

    public GoError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
