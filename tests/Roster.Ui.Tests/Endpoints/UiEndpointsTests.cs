using System.Net;
using System.Text.RegularExpressions;

namespace Roster.Ui.Tests.Endpoints;

/// <summary>/ui/ as plain HTTP: the redirect, the files and their types, what is not there, and the token left to the API.</summary>
public sealed partial class UiEndpointsTests(UiAgent agent) : IClassFixture<UiAgent>
{
    [Theory]
    [InlineData("/ui", "/ui/")]
    [InlineData("/ui?token=abc", "/ui/?token=abc")]
    public async Task Get_UiWithoutSlash_RedirectsToTheSlashKeepingTheQuery(string path, string location)
    {
        using var response = await agent.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/ui/", "text/html")]
    [InlineData("/ui/index.html", "text/html")]
    [InlineData("/ui/app.js", "text/javascript")]
    [InlineData("/ui/app.css", "text/css")]
    public async Task Get_Asset_IsServedWithItsContentType(string path, string mediaType)
    {
        using var response = await agent.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_EveryFileThePageLoads_IsServedAsJavaScriptOrCss()
    {
        // Follow index.html's links and each module's imports: an asset left out of the embedded resources fails here.
        var pending = new Queue<string>(References(await agent.Http.GetStringAsync(new Uri("/ui/", UriKind.Relative))));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var file))
        {
            if (!seen.Add(file))
            {
                continue;
            }

            using var response = await agent.Http.GetAsync(new Uri($"/ui/{file}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/ui/{file}: {(int)response.StatusCode}");
            Assert.Equal(file.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.MediaType);
            foreach (var reference in References(await response.Content.ReadAsStringAsync()))
            {
                pending.Enqueue(reference);
            }
        }

        Assert.Contains("app.js", seen);
        Assert.Contains("app.css", seen);
        Assert.Contains("watch.js", seen);
    }

    [Theory]
    [InlineData("/ui/missing.js")]
    [InlineData("/ui/App.js")]
    [InlineData("/ui/sub/app.js")]
    public async Task Get_UnknownAsset_Is404(string path)
    {
        using var response = await agent.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithTheETag_Is304()
    {
        using var first = await agent.Http.GetAsync(new Uri("/ui/app.js", UriKind.Relative));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/ui/app.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await agent.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Post_Asset_Is405()
    {
        using var response = await agent.Http.PostAsync(new Uri("/ui/", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Get_WithAclToken_PageIsServedButTheApiStillWantsTheToken()
    {
        var guarded = await UiAgent.StartAsync(aclToken: "secret");
        try
        {

            using var page = await guarded.Http.GetAsync(new Uri("/ui/app.js", UriKind.Relative));
            using var api = await guarded.Http.GetAsync(new Uri("/v1/catalog/services", UriKind.Relative));
            using var sibling = await guarded.Http.GetAsync(new Uri("/uix", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, sibling.StatusCode);
        }
        finally
        {
            await guarded.DisposeAsync();
        }
    }

    private static IEnumerable<string> References(string text) =>
        Reference().Matches(text).Select(match => match.Groups["file"].Value);

    [GeneratedRegex("""(?:href|src)="(?<file>[a-z]+\.(?:js|css))"|from '\./(?<file>[a-z]+\.js)'""")]
    private static partial Regex Reference();
}
