using System.Net;

namespace Roster.Client;

/// <summary>A non-2xx answer from Consul, with its status code and its plain-text body (e.g. 404 <c>Unknown check ID "..."</c>).</summary>
public sealed class ConsulException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ConsulException()
        : this("Unexpected response from Consul")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConsulException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that led to it.</summary>
    public ConsulException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an HTTP answer; the message reads as Go's api client's.</summary>
    public ConsulException(HttpStatusCode statusCode, string body)
        : base($"Unexpected response code: {(int)statusCode} ({body.TrimEnd()})")
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>The HTTP status code Consul answered with.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Consul's error text, as sent.</summary>
    public string Body { get; } = "";
}
