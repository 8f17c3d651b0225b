using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Roster.Fuzz.Tests.Http;

/// <summary>
/// HTTP/1.1 over a bare socket: HttpClient refuses to send the malformed targets, methods and headers under test.
/// One request per connection (Connection: close), read to the end, so a dropped connection shows as no status line.
/// </summary>
internal static class RawHttp
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>The status (0 when the server closed without a status line) and the body text.</summary>
    public static async Task<(int Status, string Body)> SendAsync(IPEndPoint server, string method, string target, byte[]? body = null, string? extraHeaders = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(server, timeout.Token);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
            .Append(extraHeaders)
            .Append(body is null ? "" : $"Content-Length: {body.Length}\r\nContent-Type: application/json\r\n")
            .Append("\r\n");
        // Latin-1 keeps each char of a hostile target one byte on the wire, as a raw client would send it.
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), timeout.Token);
        if (body is not null)
        {
            try
            {
                await stream.WriteAsync(body, timeout.Token);
            }
            catch (IOException)
            {
                // The server may answer (400, 413) and close before the whole body is sent; the reply is still there.
            }
        }

        using var response = new MemoryStream();
        try
        {
            await stream.CopyToAsync(response, timeout.Token);
        }
        catch (IOException) when (response.Length > 0)
        {
            // A reset after the reply (the server closed with unread body bytes) loses nothing that was answered.
        }

        var text = Encoding.UTF8.GetString(response.ToArray());
        var parts = text.Split(' ', 3);
        var status = text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) && parts.Length >= 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var code) ? code : 0;
        var bodyAt = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyAt < 0 ? "" : text[(bodyAt + 4)..]);
    }
}
