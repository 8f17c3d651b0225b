using System.Net;
using System.Threading.Channels;

namespace Roster.Client.Tests.Registration;

/// <summary>Passes requests on to the real agent and queues each one with the status it got (none when it failed), so a test can await a heartbeat.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly Channel<SentRequest> _sent = Channel.CreateUnbounded<SentRequest>();

    public RecordingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Runs before a request is sent on; lets a test look at the world at that moment.</summary>
    public Func<SentRequest, Task>? BeforeSend { get; set; }

    /// <summary>Reads queued requests until one matches, and returns it.</summary>
    public async Task<SentRequest> NextAsync(Func<SentRequest, bool> match)
    {
        using var timeout = new CancellationTokenSource(Signals.Timeout);
        while (true)
        {
            var sent = await _sent.Reader.ReadAsync(timeout.Token);
            if (match(sent))
            {
                return sent;
            }
        }
    }

    /// <summary>Everything queued so far, emptying the queue.</summary>
    public IReadOnlyList<SentRequest> Drain()
    {
        var drained = new List<SentRequest>();
        while (_sent.Reader.TryRead(out var sent))
        {
            drained.Add(sent);
        }

        return drained;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        if (BeforeSend is { } before)
        {
            await before(new SentRequest(request.Method, path, null));
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            return response;
        }
        finally
        {
            // A request that failed without an answer (agent unreachable) is queued with no status.
            _sent.Writer.TryWrite(new SentRequest(request.Method, path, response?.StatusCode));
        }
    }
}

internal sealed record SentRequest(HttpMethod Method, string Path, HttpStatusCode? Status);
