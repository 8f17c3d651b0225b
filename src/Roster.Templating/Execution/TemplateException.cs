namespace Roster.Templating.Execution;

/// <summary>A parse or execution error, with Go's message shape <c>template: NAME:LINE:COL: …</c>.</summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates an exception without a location (required by the Exception pattern; prefer the full constructor).</summary>
    public TemplateException()
        : this("template error")
    {
    }

    /// <summary>Creates an exception without a location.</summary>
    public TemplateException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates an exception without a location that wraps another.</summary>
    public TemplateException(string message, Exception? innerException)
        : base(message, innerException)
    {
        TemplateName = string.Empty;
    }

    internal TemplateException(string message, string templateName, int line, int column, Exception? innerException = null)
        : base(message, innerException)
    {
        TemplateName = templateName;
        Line = line;
        Column = column;
    }

    /// <summary>The name the failing template text was parsed as.</summary>
    public string TemplateName { get; }

    /// <summary>The 1-based line of the failing token or node.</summary>
    public int Line { get; }

    /// <summary>
    /// The column shown in the message: for parse errors the 1-based UTF-8 byte column of the offending token; for
    /// execution errors Go's own number, the 0-based byte offset of the failing node within its line.
    /// </summary>
    public int Column { get; }
}
