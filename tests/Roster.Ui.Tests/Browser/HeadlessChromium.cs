using Microsoft.Playwright;
using Roster.Testing;

namespace Roster.Ui.Tests.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by scripts/prereqs), driven by Playwright's .NET driver: one browser
/// for the test collection, one fresh context per page. Playwright never downloads a browser of its own here.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run `bash scripts/prereqs chromium` (scripts/test does).");
        }

        // Expect(...) polls the DOM until its condition holds; the bound only ends a broken test.
        Assertions.SetDefaultExpectTimeout((float)Timeouts.Ready.TotalMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true });
    }

    /// <summary>A context of its own (no shared cookies or cache) whose pages are 1280x800, as the dashboard is designed for.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        // A bound, not a pause: a healthy run is answered at once; this only keeps a broken one from hanging.
        context.SetDefaultTimeout((float)Timeouts.Ready.TotalMilliseconds);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
