using System.Net;
using System.Text;
using System.Text.Json;
using Roster.Fuzz.Tests.Http;
using Roster.Testing.Reliability;

namespace Roster.Fuzz.Tests.Abuse;

/// <summary>
/// Registrations whose ID, name, address or tags carry config-breaking text get 400 with a one-line message naming the
/// field, and nothing is registered; HAProxy syntax in a tag (no default path renders tags) is accepted.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Abuse)]
public sealed class InjectionRefusedTests : IAsyncLifetime
{
    private static readonly string[] RuleTag = ["rule=Host(`a`)#x"];

    private FuzzAgent _agent = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _agent = await FuzzAgent.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://{_agent.Http}"), Timeout = RawHttp.Patience };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _agent.DisposeAsync();
    }

    [Theory]
    [InlineData("ID", "service ID")]
    [InlineData("Name", "service name")]
    [InlineData("Address", "service address")]
    [InlineData("Tags", "service tag")]
    public async Task Register_LineBreakingTextInField_400AndNothingRegistered(string field, string what)
    {
        var run = await FuzzRun.SampleAsync(HostileText.Spliced(HostileText.LineBreakers),
            async hostile => await AssertRefusedAsync(field, what, hostile), seed: "blcSBzXLKyb6", iter: FuzzScale.Iterations(100), print: Show, threads: 1);
        var services = await _http.GetStringAsync("/v1/agent/services");
        ReliabilityLog.Record<InjectionRefusedTests>(ReliabilityKind.Abuse,
            $"registrations with a line break, control or invisible character spliced into the {field}: 400 naming the field, nothing registered",
            run.Cases, "registrations", run.Failed, services == "{}" ? run.Note : $"{run.Note}; registered: {services}");
        run.ThrowIfFailed();
        Assert.Equal("{}", services);
    }

    [Theory]
    [InlineData("ID", "service ID")]
    [InlineData("Name", "service name")]
    [InlineData("Address", "service address")]
    public async Task Register_HAProxySyntaxInBareWord_400(string field, string what)
    {
        var run = await FuzzRun.SampleAsync(HostileText.Spliced(HostileText.Syntax),
            async hostile => await AssertRefusedAsync(field, what, hostile), seed: "5e4l19X2miy7", iter: FuzzScale.Iterations(60), print: Show, threads: 1);
        var services = await _http.GetStringAsync("/v1/agent/services");
        ReliabilityLog.Record<InjectionRefusedTests>(ReliabilityKind.Abuse,
            $"registrations with HAProxy syntax (#, quotes, backslash, braces) spliced into the {field}: 400 naming the field, nothing registered",
            run.Cases, "registrations", run.Failed, services == "{}" ? run.Note : $"{run.Note}; registered: {services}");
        run.ThrowIfFailed();
        Assert.Equal("{}", services);
    }

    [Fact]
    public async Task Register_HAProxySyntaxInTag_AcceptedAsConsulDoes()
    {
        using var response = await RegisterAsync(new Dictionary<string, object> { ["Name"] = "www", ["ID"] = "www-1", ["Tags"] = RuleTag });
        ReliabilityLog.Record<InjectionRefusedTests>(ReliabilityKind.Abuse, "a registration with HAProxy syntax in a tag (no default path renders tags): accepted, as Consul does",
            1, "registrations", response.StatusCode == HttpStatusCode.OK ? 0 : 1, $"answered {(int)response.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertRefusedAsync(string field, string what, string hostile)
    {
        var body = new Dictionary<string, object> { ["Name"] = "www", ["ID"] = "www-1", ["Address"] = "127.0.0.1", ["Port"] = 20001 };
        body[field] = field == "Tags" ? new[] { "ok", hostile } : hostile;
        using var response = await RegisterAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{JsonSerializer.Serialize(hostile)} in {field}: {(int)response.StatusCode} {text}");
        Assert.StartsWith($"Invalid {what} \"", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.TrimEnd('\n'));
    }

    private static string Show(string hostile) => JsonSerializer.Serialize(hostile);

    private Task<HttpResponseMessage> RegisterAsync(Dictionary<string, object> body) =>
        _http.PutAsync("/v1/agent/service/register", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
}
