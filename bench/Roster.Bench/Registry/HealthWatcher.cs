using System.Globalization;

namespace Roster.Bench.Registry;

/// <summary>
/// A client that follows one service the way consul-template and Roster.Client do: a blocking
/// <c>/v1/health/service/NAME?index=I&amp;wait=60s</c> loop, re-armed as soon as it returns.
/// </summary>
internal sealed class HealthWatcher(int id, string service, HttpClient http, Func<WakeUpEvent?> currentEvent)
{
    private readonly TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first blocking query is on its way.</summary>
    public Task Armed => _armed.Task;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ulong index = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var url = index == 0 ? $"v1/health/service/{service}" : $"v1/health/service/{service}?index={index}&wait=60s";
                if (index != 0)
                {
                    _armed.TrySetResult();
                }

                using var response = await http.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead, cancellationToken);
                response.EnsureSuccessStatusCode();
                var next = ulong.Parse(response.Headers.GetValues("X-Consul-Index").Single(), CultureInfo.InvariantCulture);
                if (index != 0 && next > index)
                {
                    currentEvent()?.Seen(id);
                }

                // An index that went backwards means the agent restarted: start over, as Consul's clients do.
                index = next < index ? 0 : next;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Benchmark over.
        }
    }
}
