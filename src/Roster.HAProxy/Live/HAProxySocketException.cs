namespace Roster.HAProxy.Live;

/// <summary>An HAProxy CLI socket could not be reached or dropped the connection: HAProxy is down, starting or re-executing.</summary>
public sealed class HAProxySocketException : IOException
{
    public HAProxySocketException()
    {
    }

    public HAProxySocketException(string message)
        : base(message)
    {
    }

    public HAProxySocketException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HAProxySocketException(string message, Exception innerException, bool connected)
        : base(message, innerException) => Connected = connected;

    /// <summary>
    /// The connection was made and the command sent before it dropped: HAProxy may have run it (the master CLI drops a
    /// <c>reload</c> as it re-executes), so the command must not simply be sent again.
    /// </summary>
    public bool Connected { get; }
}
