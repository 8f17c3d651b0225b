using System.Globalization;
using System.Text.Json;

namespace Roster.Testing.Registry;

/// <summary>Waits on an agent's blocking query (its X-Consul-Index) until the answer satisfies a condition: a signal, not a poll.</summary>
public static class RegistryWait
{
    /// <summary>
    /// GETs <paramref name="path"/> (e.g. <c>v1/health/service/data?passing</c>), then blocks on its index until
    /// <paramref name="until"/> holds for the JSON answer, which it returns. Connection failures (an agent restarting) are retried.
    /// </summary>
    public static async Task<JsonElement> UntilAsync(Uri agent, string path, Func<JsonElement, bool> until, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = new CancellationTokenSource(timeout ?? Timeouts.Ready);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        ulong index = 0;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(agent, $"{path}{separator}index={index}&wait=5s"), deadline.Token);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(deadline.Token));
                if (until(body.RootElement))
                {
                    return body.RootElement.Clone();
                }

                var next = ulong.Parse(response.Headers.GetValues("X-Consul-Index").Single(), CultureInfo.InvariantCulture);
                // An index that went backwards is a restarted agent: start over, as Consul's clients do.
                index = next < index ? 0 : next;
            }
            catch (HttpRequestException) when (!deadline.IsCancellationRequested)
            {
                index = 0;
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }
    }

    /// <summary>Waits until the health of <paramref name="service"/> lists exactly <paramref name="count"/> passing instances.</summary>
    public static Task<JsonElement> PassingAsync(Uri agent, string service, int count) =>
        UntilAsync(agent, $"v1/health/service/{service}?passing", answer => answer.GetArrayLength() == count);

    /// <summary>The ports of the instances in a health or catalog answer.</summary>
    public static IReadOnlySet<int> Ports(JsonElement answer) =>
        answer.EnumerateArray()
            .Select(entry => entry.TryGetProperty("Service", out var service) && service.ValueKind == JsonValueKind.Object
                ? service.GetProperty("Port").GetInt32()
                : entry.GetProperty("ServicePort").GetInt32())
            .ToHashSet();
}
