using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Roster.Services.Hosting;

namespace Roster.Services.BasicWeb;

/// <summary>The seed's static service: <c>GET /</c> answers <c>{"data":null,"pid":PID}</c>.</summary>
public static class BasicWebService
{
    /// <summary>basic-web as the host runs it.</summary>
    public static ServiceDefinition Definition { get; } = new("basic-web", MapBasicWeb);

    private static void MapBasicWeb(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/", GetRoot);

    private static Ok<BasicWebReply> GetRoot() => TypedResults.Ok(new BasicWebReply(Data: null, Environment.ProcessId));
}
