using System.Net;
using System.Text;
using Roster.Protocol.Health;

namespace Roster.Agent.Checks;

/// <summary>
/// Consul's HTTP check: 2xx is passing, 429 is warning, anything else or no answer is critical. No keep-alive, so a
/// probe always tests that the service still accepts connections, and Consul's User-Agent and Accept headers.
/// </summary>
internal sealed class HttpProbe : ICheckProbe, IDisposable
{
    private const int MaxOutputBytes = 4096;

    private readonly HttpClient _following = Create(followRedirects: true);
    private readonly HttpClient _notFollowing = Create(followRedirects: false);

    public bool Handles(CheckSpec spec) => spec.Http is not null;

    public async Task<CheckResult> ProbeAsync(CheckSpec spec, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var method = string.IsNullOrEmpty(spec.Method) ? "GET" : spec.Method.ToUpperInvariant();
        using var request = new HttpRequestMessage(new HttpMethod(method), spec.Http);
        request.Headers.ConnectionClose = true;
        request.Headers.TryAddWithoutValidation("User-Agent", "Consul Health Check");
        request.Headers.TryAddWithoutValidation("Accept", "text/plain, text/*, */*");
        foreach (var (name, values) in spec.Header)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, values);
        }

        if (spec.Body is { Length: > 0 } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await (spec.DisableRedirects ? _notFollowing : _following).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var output = await ReadOutputAsync(response, deadline.Token);
            var status = (int)response.StatusCode switch
            {
                >= 200 and <= 299 => CheckStatus.Passing,
                429 => CheckStatus.Warning,
                _ => CheckStatus.Critical,
            };
            return new CheckResult(status, $"HTTP {method} {spec.Http}: {(int)response.StatusCode} {response.ReasonPhrase} Output: {output}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = e is OperationCanceledException ? $"timeout after {timeout.TotalSeconds:0.###}s" : e.Message;
            return new CheckResult(CheckStatus.Critical, $"HTTP {method} {spec.Http}: {why}");
        }
    }

    public void Dispose()
    {
        _following.Dispose();
        _notFollowing.Dispose();
    }

    private static async Task<string> ReadOutputAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxOutputBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static HttpClient Create(bool followRedirects) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = followRedirects,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.Zero,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
