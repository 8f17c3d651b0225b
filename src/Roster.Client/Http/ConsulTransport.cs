using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Roster.Protocol;
using Roster.Protocol.Json;

namespace Roster.Client.Http;

/// <summary>The one place that turns an operation into an HTTP request and Consul's answer into a value or a <see cref="ConsulException"/>.</summary>
internal sealed class ConsulTransport(HttpClient http, ConsulClientOptions options)
{
    private readonly string _baseAddress = options.Address.GetLeftPart(UriPartial.Path).TrimEnd('/');

    // A blocking-capable read; whenNotFound turns a 404 into a value (KV), otherwise a 404 throws.
    public async Task<QueryResult<T>> GetAsync<T>(
        string path, IEnumerable<KeyValuePair<string, string>> query, QueryOptions? queryOptions, CancellationToken cancellationToken,
        Func<T>? whenNotFound = null, bool allowNull = false)
    {
        using var request = CreateRequest(HttpMethod.Get, path, query, queryOptions, isRead: true);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound && whenNotFound is not null)
        {
            // Consul answers a missing KV key with 404 and still sends the index, so a watch can block on the key appearing.
            return WithMetadata(response, whenNotFound());
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return WithMetadata(response, allowNull
            ? (await response.Content.ReadFromJsonAsync<T>(ConsulJson.ResponseOptions, cancellationToken))!
            : await ReadJsonAsync<T>(response, cancellationToken));
    }

    // A write whose answer has no body (the agent endpoints).
    public async Task SendAsync(
        HttpMethod method, string path, HttpContent? content, IEnumerable<KeyValuePair<string, string>> query, QueryOptions? queryOptions,
        CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, content, query, queryOptions, cancellationToken);
    }

    // A write whose answer is JSON (KV's true/false), or a read that carries no index (agent, status).
    public async Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? content, IEnumerable<KeyValuePair<string, string>> query, QueryOptions? queryOptions,
        CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, content, query, queryOptions, cancellationToken);
        return await ReadJsonAsync<T>(response, cancellationToken);
    }

    public static string EscapeSegment(string segment) => Uri.EscapeDataString(segment);

    // A KV key keeps its slashes: they are Consul's folders, and Consul takes the key verbatim from the path.
    public static string EscapeKey(string key) => string.Join('/', key.Split('/').Select(Uri.EscapeDataString));

    private async Task<HttpResponseMessage> SendCoreAsync(
        HttpMethod method, string path, HttpContent? content, IEnumerable<KeyValuePair<string, string>> query, QueryOptions? queryOptions,
        CancellationToken cancellationToken)
    {
        using var request = CreateRequest(method, path, query, queryOptions, isRead: false);
        request.Content = content;
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private HttpRequestMessage CreateRequest(
        HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>> query, QueryOptions? queryOptions, bool isRead)
    {
        var parameters = new List<KeyValuePair<string, string>>(query);
        var datacenter = queryOptions?.Datacenter ?? options.Datacenter;
        if (!string.IsNullOrEmpty(datacenter))
        {
            parameters.Add(new(ConsulQuery.Datacenter, datacenter));
        }

        if (isRead && queryOptions is not null)
        {
            // Spelled as Go's api client spells them: "stale=" for presence, the wait in milliseconds.
            if (queryOptions.Stale)
            {
                parameters.Add(new(ConsulQuery.Stale, ""));
            }

            if (queryOptions.Index > 0)
            {
                parameters.Add(new(ConsulQuery.Index, queryOptions.Index.ToString(CultureInfo.InvariantCulture)));
            }

            if (queryOptions.Wait is { } wait && wait > TimeSpan.Zero)
            {
                parameters.Add(new(ConsulQuery.Wait, ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms"));
            }
        }

        var url = new StringBuilder(_baseAddress).Append(path);
        for (var i = 0; i < parameters.Count; i++)
        {
            url.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(parameters[i].Key)).Append('=').Append(Uri.EscapeDataString(parameters[i].Value));
        }

        var request = new HttpRequestMessage(method, new Uri(url.ToString(), UriKind.Absolute));
        var token = queryOptions?.Token ?? options.Token;
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.TryAddWithoutValidation(ConsulHeaders.Token, token);
        }

        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            // Consul's errors are plain text; callers match on the code and the text (404 "Unknown check ID" → re-register).
            throw new ConsulException(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(ConsulJson.ResponseOptions, cancellationToken)
        ?? throw new ConsulException($"Consul answered {response.RequestMessage?.RequestUri?.AbsolutePath} with null");

    private static QueryResult<T> WithMetadata<T>(HttpResponseMessage response, T value) => new()
    {
        Value = value,
        LastIndex = Header(response, ConsulHeaders.Index) is { } index && ulong.TryParse(index, CultureInfo.InvariantCulture, out var i) ? i : 0,
        KnownLeader = string.Equals(Header(response, ConsulHeaders.KnownLeader), "true", StringComparison.OrdinalIgnoreCase),
        LastContact = Header(response, ConsulHeaders.LastContact) is { } contact && ulong.TryParse(contact, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.Zero,
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
