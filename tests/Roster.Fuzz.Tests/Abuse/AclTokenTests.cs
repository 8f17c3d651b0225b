using System.Net;
using Microsoft.Extensions.Logging;
using Roster.Fuzz.Tests.Http;
using Roster.Testing.Reliability;

namespace Roster.Fuzz.Tests.Abuse;

/// <summary>
/// With -acl-token: every API request without the token gets 403, on every route and method (the status endpoints
/// excepted, as in Consul); and the token never reaches a log line, even at Trace.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Abuse)]
public sealed class AclTokenTests : IAsyncLifetime
{
    private const string Token = "s3cr3t-7c0e1d2a-acl-token";

    private static readonly string[] Paths =
    [
        "/v1/kv/a", "/v1/catalog/datacenters", "/v1/catalog/services", "/v1/catalog/service/www", "/v1/catalog/nodes",
        "/v1/catalog/node/fuzz", "/v1/agent/health/service/id/www-1", "/v1/agent/health/service/name/www", "/v1/agent/self",
        "/v1/agent/members", "/v1/agent/check/register", "/v1/agent/check/deregister/c", "/v1/agent/check/pass/c",
        "/v1/agent/check/warn/c", "/v1/agent/check/fail/c", "/v1/agent/check/update/c", "/v1/agent/checks",
        "/v1/agent/service/register", "/v1/agent/service/deregister/www-1", "/v1/agent/service/maintenance/www-1",
        "/v1/agent/services", "/v1/agent/service/www-1", "/v1/health/service/www", "/v1/health/checks/www",
        "/v1/health/node/fuzz", "/v1/health/state/any", "/v1/unknown",
    ];

    private static readonly string[] Methods = ["GET", "PUT", "DELETE", "POST", "HEAD", "OPTIONS"];

    private readonly CapturedLogs _logs = new();
    private FuzzAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await FuzzAgent.StartAsync(
        options => options with { AclToken = Token },
        logging => logging.ClearProviders().AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));

    public async Task DisposeAsync()
    {
        await _agent.DisposeAsync();
        _logs.Dispose();
    }

    [Fact]
    public async Task EveryRouteAndMethod_NoToken_403()
    {
        var wrong = new List<string>();
        foreach (var path in Paths)
        {
            foreach (var method in Methods)
            {
                var (status, _) = await RawHttp.SendAsync(_agent.Http, method, path, method is "PUT" or "POST" ? "{}"u8.ToArray() : null);
                if (status != 403)
                {
                    wrong.Add($"{method} {path}: {status}");
                }
            }
        }

        ReliabilityLog.Record<AclTokenTests>(ReliabilityKind.Abuse, $"-acl-token set; every API route ({Paths.Length}) with every method ({Methods.Length}) and no token: 403 expected",
            Paths.Length * Methods.Length, "requests", wrong.Count, wrong.Count == 0 ? null : string.Join("; ", wrong.Take(5)));
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("?token=wrong", null)]
    [InlineData("", "X-Consul-Token: wrong\r\n")]
    [InlineData("", "Authorization: Bearer wrong\r\n")]
    public async Task WrongToken_403(string query, string? header)
    {
        var (status, _) = await RawHttp.SendAsync(_agent.Http, "GET", "/v1/agent/services" + query, extraHeaders: header);
        ReliabilityLog.Record<AclTokenTests>(ReliabilityKind.Abuse, $"-acl-token set; a wrong token in {(header is null ? "the ?token= query" : header.Split(':')[0])}: 403 expected",
            1, "requests", status == 403 ? 0 : 1, $"answered {status}");
        Assert.Equal(403, status);
    }

    [Fact]
    public async Task StatusLeader_NoToken_200AsConsul()
    {
        var (status, _) = await RawHttp.SendAsync(_agent.Http, "GET", "/v1/status/leader");
        ReliabilityLog.Record<AclTokenTests>(ReliabilityKind.Abuse, "-acl-token set; /v1/status/leader without a token still answers 200, as in Consul",
            1, "requests", status == 200 ? 0 : 1, $"answered {status}");
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task RequestsWithTheToken_LoggedAtTrace_TokenNeverInALine()
    {
        var register = """{"Name":"www","ID":"www-1","Port":20001,"Check":{"TTL":"30s"}}"""u8.ToArray();
        var header = $"X-Consul-Token: {Token}\r\n";
        Assert.Equal(200, (await RawHttp.SendAsync(_agent.Http, "PUT", $"/v1/agent/service/register?token={Token}", register)).Status);
        Assert.Equal(200, (await RawHttp.SendAsync(_agent.Http, "PUT", "/v1/kv/k", "v"u8.ToArray(), header)).Status);
        Assert.Equal(200, (await RawHttp.SendAsync(_agent.Http, "GET", $"/v1/health/service/www?token={Token}")).Status);
        Assert.Equal(200, (await RawHttp.SendAsync(_agent.Http, "PUT", "/v1/agent/check/pass/service:www-1", null, $"Authorization: Bearer {Token}\r\n")).Status);
        Assert.Equal(404, (await RawHttp.SendAsync(_agent.Http, "GET", $"/v1/nope?token={Token}")).Status);
        Assert.Equal(400, (await RawHttp.SendAsync(_agent.Http, "PUT", $"/v1/agent/service/register?token={Token}", "{"u8.ToArray())).Status);

        // The capture must have seen these requests, or its silence proves nothing.
        var leaked = _logs.Lines.Count(line => line.Contains(Token, StringComparison.Ordinal));
        ReliabilityLog.Record<AclTokenTests>(ReliabilityKind.Abuse, "6 requests carrying the token (query, X-Consul-Token, Bearer; 200, 404 and 400 answers) logged at Trace: lines that contain the token",
            _logs.Lines.Count, "log lines", leaked);
        Assert.True(_logs.Lines.Count > 0, "nothing was logged at Trace");
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(Token, StringComparison.Ordinal));
    }
}
