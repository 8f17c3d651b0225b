using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Roster.Testing;
using Roster.Testing.Processes;
using Roster.Testing.Registry;
using Roster.Ui.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Roster.Ui.Tests.Dashboard;

/// <summary>The dashboard in real Chromium against a real agent and a real service: it follows the registry and HAProxy's KV view live.</summary>
[Collection(SharedChromium.Name)]
public sealed class DashboardTests(HeadlessChromium chromium)
{
    [Fact]
    public async Task Dashboard_ServiceComesAndGoes_PageFollowsLive()
    {
        await using var agent = await RosterAgentProcess.StartAsync("-node", "ui-node", "-datacenter", "ui-dc");
        await using var browser = await chromium.NewContextAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(agent.Url, "ui/").ToString());
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
        await Expect(page.Locator("#node")).ToHaveTextAsync("ui-node");
        await Expect(page.Locator("#datacenter")).ToHaveTextAsync("ui-dc");
        var lastChange = await page.Locator("#last-change").GetAttributeAsync("datetime");

        await using var data = await RosterService.StartAsync("data", "--consul", agent.Address);
        var registered = (await RegistryWait.PassingAsync(agent.Url, "data", 1))[0].GetProperty("Service");
        var id = registered.GetProperty("ID").GetString()!;
        var row = page.Locator($"[data-service='data'] tr[data-instance-id='{id}']");
        await Expect(row).ToHaveAttributeAsync("data-health", "passing");
        await Expect(row).ToContainTextAsync($"{registered.GetProperty("Address").GetString()}:{data.Port}");
        await Expect(row.Locator("td.pid")).ToHaveTextAsync(PidShown(registered));
        await Expect(row).ToHaveAttributeAsync("data-haproxy-state", "none");
        await Expect(page.Locator("[data-service='data'] [data-haproxy]")).ToHaveAttributeAsync("data-haproxy", "absent");
        await Expect(page.Locator("#last-change")).Not.ToHaveAttributeAsync("datetime", lastChange ?? "");

        await PutHaproxyViewAsync(agent.Url, "data", id, data.Port);
        await Expect(row).ToHaveAttributeAsync("data-haproxy-state", "DRAIN");
        await Expect(row.Locator("td.haproxy")).ToContainTextAsync("7 sess");
        var summary = page.Locator("[data-service='data'] [data-haproxy='present']");
        await Expect(summary).ToContainTextAsync("127.0.0.1:18000");
        await Expect(summary).ToContainTextAsync("runtime");
        await Expect(page.Locator("[data-service='data'] [data-haproxy-server='data-stale']")).ToContainTextAsync("MAINT");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathOf("ui-dashboard.png"), FullPage = true });

        data.Process.Signal(UnixSignal.Interrupt);
        Assert.Equal(0, await data.Process.WaitForExitAsync());
        await Expect(page.Locator("[data-service='data'] tr[data-instance-id]")).ToHaveCountAsync(0);
        // HAProxy's view outlives the catalog entry until `roster lb` catches up: the page keeps the card and says so.
        await Expect(page.Locator("[data-service='data']")).ToContainTextAsync("No registered instance");
        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
    }

    private static string PidShown(JsonElement service) =>
        service.TryGetProperty("Meta", out var meta) && meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("pid", out var pid)
            ? pid.GetString()!
            : "–";

    /// <summary>The entry `roster lb` writes for a service: this instance draining, and a server HAProxy still has for a gone one.</summary>
    private static async Task PutHaproxyViewAsync(Uri agent, string service, string serviceId, int port)
    {
        var view = new
        {
            service,
            bind = "127.0.0.1:18000",
            mode = "runtime",
            pid = 4242,
            adminSocket = "/tmp/roster-ui-test/admin.sock",
            updated = DateTimeOffset.UtcNow.ToString("O"),
            servers = new object[]
            {
                new { name = $"{service}-live", serviceId, address = "127.0.0.1", port, state = "DRAIN", admin = "DRAIN", sessions = 7 },
                new { name = $"{service}-stale", serviceId = $"{service}-gone", address = "127.0.0.1", port = 1, state = "MAINT", admin = "MAINT", sessions = 0 },
            },
        };
        using var http = new HttpClient();
        using var body = new StringContent(JsonSerializer.Serialize(view), Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri(agent, $"v1/kv/roster/haproxy/{service}"), body);
        response.EnsureSuccessStatusCode();
    }
}
