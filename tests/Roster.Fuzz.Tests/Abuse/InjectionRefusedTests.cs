using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Roster.Fuzz.Tests.Http;

namespace Roster.Fuzz.Tests.Abuse;

/// <summary>
/// Registrations whose ID, name, address or tags carry config-breaking text get 400 with a one-line message naming the
/// field, and nothing is registered; HAProxy syntax in a tag (no default path renders tags) is accepted.
/// </summary>
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
        await HostileText.Spliced(HostileText.LineBreakers).SampleAsync(
            async hostile => await AssertRefusedAsync(field, what, hostile), iter: FuzzScale.Iterations(100), threads: 1);
        Assert.Equal("{}", await _http.GetStringAsync("/v1/agent/services"));
    }

    [Theory]
    [InlineData("ID", "service ID")]
    [InlineData("Name", "service name")]
    [InlineData("Address", "service address")]
    public async Task Register_HAProxySyntaxInBareWord_400(string field, string what)
    {
        await HostileText.Spliced(HostileText.Syntax).SampleAsync(
            async hostile => await AssertRefusedAsync(field, what, hostile), iter: FuzzScale.Iterations(60), threads: 1);
        Assert.Equal("{}", await _http.GetStringAsync("/v1/agent/services"));
    }

    [Fact]
    public async Task Register_HAProxySyntaxInTag_AcceptedAsConsulDoes()
    {
        using var response = await RegisterAsync(new Dictionary<string, object> { ["Name"] = "www", ["ID"] = "www-1", ["Tags"] = RuleTag });
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

    private Task<HttpResponseMessage> RegisterAsync(Dictionary<string, object> body) =>
        _http.PutAsync("/v1/agent/service/register", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
}
