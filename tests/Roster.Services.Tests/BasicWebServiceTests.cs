using System.Net;
using System.Net.Sockets;
using Roster.Services.BasicWeb;
using Roster.Services.Hosting;

namespace Roster.Services.Tests;

public sealed class BasicWebServiceTests : IAsyncLifetime
{
    private readonly ServiceHost _host = ServiceHost.Create(BasicWebService.Definition, new ServiceHostOptions(IPAddress.Loopback, 0));
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _http.BaseAddress = await _host.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task GetRoot_AnswersNullDataAndThePidThatServedIt()
    {
        using var response = await _http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($$"""{"data":null,"pid":{{Environment.ProcessId}}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetHealth_AnswersOkAsPlainText()
    {
        using var response = await _http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetUnknownPath_AnswersNotFound()
    {
        using var response = await _http.GetAsync(new Uri("/nope", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void StartAsync_PortZero_ReturnsTheLoopbackAddressAndPortActuallyBound()
    {
        Assert.Equal("127.0.0.1", _http.BaseAddress!.Host);
        Assert.NotEqual(0, _http.BaseAddress.Port);
    }
}

public sealed class ServiceHostTests
{
    [Fact]
    public async Task StartAsync_PortInUse_ThrowsNamingTheAddressAndPort()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await using var host = ServiceHost.Create(BasicWebService.Definition, new ServiceHostOptions(IPAddress.Loopback, port));

        var error = await Assert.ThrowsAsync<PortInUseException>(() => host.StartAsync());

        Assert.Equal(port, error.Endpoint.Port);
        Assert.Equal($"port {port} is already in use on 127.0.0.1", error.Message);
    }
}
