using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Roster.Client.Registration;
using Roster.Services.Hosting;

namespace Roster.Services.Data;

/// <summary>The seed's data provider: <c>GET /</c> answers <c>{"data":N,"data_pid":PID}</c>, N random in 10000000–99999999.</summary>
public static class DataService
{
    /// <summary>data as the host runs it: it registers itself as service "data" and keeps its TTL check passing.</summary>
    public static ServiceDefinition Definition { get; } = new("data", endpoints => endpoints.MapGet("/", GetRoot))
    {
        AddServices = static (builder, host) => builder.Services.AddServiceRegistration(new ServiceRegistrationOptions { Name = "data", Address = host.Advertise, Meta = InstanceMeta.Current }),
    };

    private static Ok<DataReply> GetRoot() =>
        TypedResults.Ok(new DataReply(Random.Shared.Next(10_000_000, 100_000_000), Environment.ProcessId));
}
