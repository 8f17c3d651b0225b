using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Roster.Client.Registration;

namespace Roster.Client.Tests.Registration;

/// <summary>A minimal web app on 127.0.0.1:0 with <c>AddServiceRegistration</c>, a fake clock and a recording client.</summary>
internal sealed class RegisteredApp : IAsyncDisposable
{
    private readonly HttpClient _http;

    private RegisteredApp(WebApplication app, HttpClient http, RecordingHandler requests, FakeTimeProvider time, RecordingLoggerProvider logs)
    {
        App = app;
        _http = http;
        Requests = requests;
        Time = time;
        Logs = logs;
    }

    public WebApplication App { get; }

    public RecordingHandler Requests { get; }

    public FakeTimeProvider Time { get; }

    public RecordingLoggerProvider Logs { get; }

    /// <summary>What the registrar logged at <paramref name="level"/>.</summary>
    public IReadOnlyList<string> RegistrarLogs(LogLevel level) =>
        [.. Logs.Entries.Where(e => e.Category == typeof(ServiceRegistrar).FullName && e.Level == level).Select(e => e.Message)];

    public ServiceRegistrar Registrar => App.Services.GetServices<IHostedService>().OfType<ServiceRegistrar>().Single();

    public string ServiceId => Registrar.ServiceId!;

    public Uri BoundAddress => new(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());

    public static RegisteredApp Create(Uri agentAddress, ServiceRegistrationOptions options)
    {
        var requests = new RecordingHandler();
        var http = new HttpClient(requests);
        var time = new FakeTimeProvider();
        var logs = new RecordingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(new ConsulClient(http, new ConsulClientOptions { Address = agentAddress }));
        builder.Services.AddServiceRegistration(options);
        var app = builder.Build();
        app.MapGet("/health", () => TypedResults.Text("ok"));
        return new RegisteredApp(app, http, requests, time, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _http.Dispose();
    }
}
