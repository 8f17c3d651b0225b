using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Roster.Services.Hosting;

/// <summary>One of Roster's demo services: its name, the services it needs and the endpoints it maps.</summary>
public sealed record ServiceDefinition(string Name, Action<IEndpointRouteBuilder> MapEndpoints)
{
    /// <summary>Adds what the service needs to the host (options, clients, hosted services).</summary>
    public Action<WebApplicationBuilder> AddServices { get; init; } = static _ => { };
}
