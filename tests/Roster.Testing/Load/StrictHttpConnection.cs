using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Roster.Testing.Load;

/// <summary>
/// One keep-alive HTTP/1.1 connection that never retries and never hides a failure. HttpClient silently resends a
/// request whose reused connection was closed under it, which is exactly the drop a zero-failure test must see;
/// like wrk, this client reports it.
/// </summary>
public sealed class StrictHttpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private readonly string _host;
    private int _start;
    private int _end;

    private StrictHttpConnection(Socket socket, string host)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _host = host;
    }

    /// <summary>False once the server said <c>Connection: close</c>; open a new connection then.</summary>
    public bool IsReusable { get; private set; } = true;

    public static async Task<StrictHttpConnection> OpenAsync(IPEndPoint server, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new StrictHttpConnection(socket, server.ToString());
    }

    /// <summary>Sends one GET and reads its whole reply.</summary>
    /// <exception cref="IOException">The connection failed or closed before the reply was complete.</exception>
    public async Task<StrictHttpResponse> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {_host}\r\nUser-Agent: roster-tests\r\n\r\n");
        await _stream.WriteAsync(request, cancellationToken);

        var statusLine = await ReadLineAsync(cancellationToken);
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new IOException($"not an HTTP status line: '{statusLine}'");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await ReadLineAsync(cancellationToken); line.Length > 0; line = await ReadLineAsync(cancellationToken))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase)
            ? await ReadChunkedAsync(cancellationToken)
            : await ReadExactlyAsync(int.Parse(headers.GetValueOrDefault("Content-Length", "0"), CultureInfo.InvariantCulture), cancellationToken);
        IsReusable = !(headers.TryGetValue("Connection", out var connection) && connection.Equals("close", StringComparison.OrdinalIgnoreCase));
        return new StrictHttpResponse(status, Encoding.UTF8.GetString(body));
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken);
            var size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while ((await ReadLineAsync(cancellationToken)).Length > 0)
                {
                }

                return body.ToArray();
            }

            body.Write(await ReadExactlyAsync(size, cancellationToken));
            await ReadLineAsync(cancellationToken);
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        for (var copied = 0; copied < count;)
        {
            await FillAsync(cancellationToken);
            var take = Math.Min(count - copied, _end - _start);
            Array.Copy(_buffer, _start, result, copied, take);
            _start += take;
            copied += take;
        }

        return result;
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            await FillAsync(cancellationToken);
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.Append(Encoding.ASCII.GetString(_buffer, _start, stop - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0)
            {
                return line.ToString().TrimEnd('\r');
            }
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start < _end)
        {
            return;
        }

        _start = 0;
        _end = await _stream.ReadAsync(_buffer, cancellationToken);
        if (_end == 0)
        {
            throw new IOException("the server closed the connection before the reply was complete");
        }
    }
}

/// <summary>A complete HTTP reply: status code and body text.</summary>
public sealed record StrictHttpResponse(int Status, string Body);
