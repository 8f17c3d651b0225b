namespace Roster.Ui.Tests.Browser;

/// <summary>The tests that drive the browser share one Chromium: starting it is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class SharedChromium : ICollectionFixture<HeadlessChromium>
{
    public const string Name = "browser";
}
