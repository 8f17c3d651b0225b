using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Roster.Services.Hosting;

/// <summary>One of Roster's demo services: its name, the services it needs and the endpoints it maps.</summary>
public sealed record ServiceDefinition(string Name, Action<IEndpointRouteBuilder> MapEndpoints)
{
    /// <summary>Adds what the service needs to the host (clients, registration, hosted services), given how it is hosted.</summary>
    public Action<WebApplicationBuilder, ServiceHostOptions> AddServices { get; init; } = static (_, _) => { };
}
