using Roster.Testing.Processes;
using Roster.Ui.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Roster.Ui.Tests.Dashboard;

/// <summary>With -acl-token the page still loads, but the API does not answer it without the token; ?token= in the page's URL opens it.</summary>
[Collection(SharedChromium.Name)]
public sealed class DashboardAclTests(HeadlessChromium chromium)
{
    private const string Token = "3f0c8d2e-5b7a-4e61-9c3d-2a1b0e9f8c7d";

    [Fact]
    public async Task Dashboard_AgentWithToken_SaysAccessDeniedUntilTheUrlCarriesTheToken()
    {
        await using var agent = await RosterAgentProcess.StartAsync("-acl-token", Token);
        await using var browser = await chromium.NewContextAsync();

        var without = await browser.NewPageAsync();
        await without.GotoAsync(new Uri(agent.Url, "ui/").ToString());
        await Expect(without.Locator("#live")).ToHaveAttributeAsync("data-state", "forbidden");
        await Expect(without.Locator("#banner")).ToContainTextAsync("requires an ACL token (403: Permission denied)");
        await Expect(without.Locator("#banner")).ToContainTextAsync("?token=");
        await Expect(without.Locator("[data-service]")).ToHaveCountAsync(0);
        await without.ScreenshotAsync(new() { Path = Screenshots.PathOf("ui-dashboard-forbidden.png") });

        var wrong = await browser.NewPageAsync();
        await wrong.GotoAsync(new Uri(agent.Url, "ui/?token=not-the-token").ToString());
        await Expect(wrong.Locator("#banner")).ToContainTextAsync("refused the token in this page's address (403: ACL not found)");

        var with = await browser.NewPageAsync();
        await with.GotoAsync(new Uri(agent.Url, $"ui?token={Token}").ToString());
        await Expect(with.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
        await Expect(with.Locator("[data-service='consul'] tr[data-instance-id='consul']")).ToHaveAttributeAsync("data-health", "passing");
        await Expect(with.Locator("#banner")).ToBeHiddenAsync();
    }
}
