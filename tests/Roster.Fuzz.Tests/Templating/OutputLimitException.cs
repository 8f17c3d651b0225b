namespace Roster.Fuzz.Tests.Templating;

/// <summary>Thrown by <see cref="BoundedWriter"/>: the template wrote more than a fuzz case may.</summary>
internal sealed class OutputLimitException : Exception
{
    public OutputLimitException()
        : base("output limit reached")
    {
    }

    public OutputLimitException(string message)
        : base(message)
    {
    }

    public OutputLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
