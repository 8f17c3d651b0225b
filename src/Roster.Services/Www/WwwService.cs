using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Roster.Client.Discovery;
using Roster.Client.Registration;
using Roster.Services.Hosting;

namespace Roster.Services.Www;

/// <summary>
/// The seed's front service: <c>GET /</c> asks a random passing <c>data</c> instance and answers
/// <c>{"data":{...},"web_pid":PID}</c>; with no data instance reachable it answers 503 <c>{"error":"…"}</c>.
/// </summary>
public static class WwwService
{
    internal const string DataClient = "data";

    /// <summary>www as the host runs it: registered as "www", discovering data through the registry, random choice per request.</summary>
    public static ServiceDefinition Definition { get; } = new("www", endpoints => endpoints.MapGet("/", GetRootAsync))
    {
        AddServices = static (builder, host) =>
        {
            builder.Services.AddServiceRegistration(new ServiceRegistrationOptions { Name = "www", Address = host.Advertise, Meta = InstanceMeta.Current });
            builder.Services.AddConsulServiceDiscovery();
            builder.Services.AddHttpClient(DataClient, c =>
            {
                c.BaseAddress = new Uri("http://data");
                c.Timeout = TimeSpan.FromSeconds(5);
            }).AddRandomInstances();
        },
    };

    private static async Task<Results<Ok<WwwReply>, JsonHttpResult<WwwError>>> GetRootAsync(IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(DataClient);
        try
        {
            using var response = await client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return Unavailable($"data answered {(int)response.StatusCode}");
            }

            using var data = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            return TypedResults.Ok(new WwwReply(data.RootElement.Clone(), Environment.ProcessId));
        }
        catch (HttpRequestException e)
        {
            // The seed answered 200 with the error inside; a proxy in front must see that this reply failed.
            return Unavailable($"no data instance reachable: {e.Message}");
        }
    }

    private static JsonHttpResult<WwwError> Unavailable(string why) => TypedResults.Json(new WwwError(why), statusCode: StatusCodes.Status503ServiceUnavailable);
}
