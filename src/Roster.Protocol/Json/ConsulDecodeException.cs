namespace Roster.Protocol.Json;

/// <summary>
/// A request body Consul would refuse; <see cref="Exception.Message"/> is Go's text (<c>json: unknown field "Bogus"</c>, <c>EOF</c>,
/// <c>time: missing unit in duration "10"</c>), to be sent as <c>400 Request decode failed: &lt;message&gt;</c>.
/// </summary>
public sealed class ConsulDecodeException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ConsulDecodeException()
        : base("json: cannot decode request body")
    {
    }

    /// <summary>Creates the exception with Go's error text.</summary>
    public ConsulDecodeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with Go's error text and the failure that led to it.</summary>
    public ConsulDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
