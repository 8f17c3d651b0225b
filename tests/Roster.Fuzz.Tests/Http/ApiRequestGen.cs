using System.Text;
using CsCheck;

namespace Roster.Fuzz.Tests.Http;

/// <summary>
/// Requests to every route the agent maps, with hostile path segments, query strings built from the parameters the
/// agent parses, and JSON bodies mutated from valid registrations.
/// </summary>
internal static class ApiRequestGen
{
    private static readonly string[] Routes =
    [
        "/v1/status/leader", "/v1/status/peers", "/v1/kv/{}", "/v1/catalog/datacenters", "/v1/catalog/services",
        "/v1/catalog/service/{}", "/v1/catalog/nodes", "/v1/catalog/node/{}", "/v1/agent/health/service/id/{}",
        "/v1/agent/health/service/name/{}", "/v1/agent/self", "/v1/agent/members", "/v1/agent/check/register",
        "/v1/agent/check/deregister/{}", "/v1/agent/check/pass/{}", "/v1/agent/check/warn/{}", "/v1/agent/check/fail/{}",
        "/v1/agent/check/update/{}", "/v1/agent/checks", "/v1/agent/service/register", "/v1/agent/service/deregister/{}",
        "/v1/agent/service/maintenance/{}", "/v1/agent/services", "/v1/agent/service/{}", "/v1/health/service/{}",
        "/v1/health/checks/{}", "/v1/health/node/{}", "/v1/health/state/{}", "/v1/unknown/{}", "/{}", "/v1/",
    ];

    private static readonly string[] Segments =
    [
        "www", "fuzz-1", "service:fuzz-1", "any", "passing", "critical", "a/b/c", "", "%00", "%2F", "%2e%2e", "..", "../..",
        "%ZZ", "%", "%C0%AF", "%E2%80%AE", "%F0%9F%98%80", "é", "\u00ff", "a b", "a%20b", "a+b", "a?b", "a#b", "%3F", "%23",
        "\t", "a;b", "~", "*", "{", "}", "\\", "//", "a//b", new string('x', 3000), new string('/', 200),
    ];

    private static readonly string[] QueryKeys =
    [
        "index", "wait", "filter", "dc", "near", "tag", "tags", "stale", "consistent", "passing", "recurse", "keys", "raw",
        "separator", "cas", "flags", "acquire", "release", "pretty", "node-meta", "cached", "ns", "replace-existing-checks",
        "enable", "reason", "note", "token", "", "%", "index%00",
    ];

    private static readonly string[] QueryValues =
    [
        "", "0", "1", "2", "-1", "abc", "18446744073709551615", "18446744073709551616", "1.5", "0x10", "1ms", "5ms", "0s",
        "-1s", "1x", "9999999999999h", "1e3s", "NaN", "true", "false", "dc1", "dc2", "%00", "%ZZ", "_agent", "www", "a,b",
        "Service.Name == \"www\"", "Service.Tags contains", "((((", "\"", "'", "é", "%E2%80%AE", new string('9', 400),
    ];

    /// <summary>Valid bodies to start from: registrations the agent accepts, and KV values.</summary>
    private static readonly string[] BodySeeds =
    [
        """{"Name":"fuzz","ID":"fuzz-1","Port":20001,"Address":"127.0.0.1","Tags":["a","b"],"Meta":{"k":"v"},"Check":{"TTL":"10s","DeregisterCriticalServiceAfter":"1m"}}""",
        """{"name":"fuzz","id":"fuzz-2","port":1,"checks":[{"ttl":"5s"},{"http":"http://127.0.0.1:9/","interval":"10s","timeout":"1s"}],"weights":{"passing":1,"warning":1}}""",
        """{"Name":"c","ID":"c1","ServiceID":"fuzz-1","TTL":"15s","Status":"passing","Notes":"n"}""",
        """{"Name":"t","TCP":"127.0.0.1:9","Interval":"10s","enable_tag_override":true,"TaggedAddresses":{"lan":{"Address":"127.0.0.1","Port":1}}}""",
        """{"Status":"passing","Output":"ok"}""",
        "plain value", "",
    ];

    private static readonly string[] JsonTokens =
    [
        "{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-0", "99999999999999999999", "\"\\u0000\"", "\"\\ud800\"",
        "\"ID\"", "\"Name\"", "\"Port\"", "\"Check\"", "\"Checks\"", "\"TTL\"", "\"Interval\"", "\"Timeout\"", "\"1ns\"",
        "\"-5s\"", "\"Meta\"", "\"Tags\"", "\"Weights\"", "\"HTTP\"", "\"http://127.0.0.1:1/\"", "\"Args\"", "[\"sh\"]",
        "\"Address\"", "\"0.0.0.0\"", "\"::\"", "\"a\\nb\"", "\"#\"", "{\"a\":1}", "\"\\\\\"", "é", "\uFEFF", "\u0001",
        new string('[', 5000), new string('{', 64), "\"DeregisterCriticalServiceAfter\"", "\"Status\"", "\"bogus\"",
    ];

    private static readonly string[] Methods = ["GET", "GET", "GET", "PUT", "PUT", "PUT", "DELETE", "POST", "PATCH", "HEAD", "OPTIONS", "FOO", "get"];

    public static readonly Gen<string> Path =
        Gen.Select(Gen.OneOf(Routes), Gen.OneOf(Segments).Array[1, 3])
            .Select((route, parts) => route.Replace("{}", string.Join('/', parts), StringComparison.Ordinal));

    public static readonly Gen<string> Query =
        Gen.Select(Gen.OneOf(QueryKeys), Gen.OneOf(QueryValues), Gen.Bool).Array[0, 5]
            .Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join('&', pairs.Select(p => p.Item3 ? p.Item1 : $"{p.Item1}={p.Item2}")) + BoundWait(pairs));

    /// <summary>
    /// An index above the current one blocks for the default wait (5 min, as Consul): correct, but no answer within a
    /// fuzz case. A last short wait bounds it (a second wait value makes the pair invalid, which is a 400: also fine).
    /// </summary>
    private static string BoundWait((string Key, string Value, bool Bare)[] pairs) =>
        pairs.Any(p => p.Key == "index" && !p.Bare) ? "&wait=10ms" : "";

    public static readonly Gen<byte[]?> Body =
        Gen.Frequency(
            (1, Gen.Byte.Array[0].Select(_ => (byte[]?)null)),
            (6, Gen.Select(Gen.OneOf(BodySeeds), Gen.Int[0, 6], Gen.Int[0, int.MaxValue].Array[18]).Select((seed, count, choices) => (byte[]?)Encoding.UTF8.GetBytes(Mutate(seed, count, choices)))),
            (1, Gen.Byte.Array[0, 300].Select(bytes => (byte[]?)bytes)));

    public static readonly Gen<ApiRequest> Request =
        Gen.Select(Gen.OneOf(Methods), Path, Query, Body).Select((method, path, query, body) => new ApiRequest(method, path + query, body));

    private static string Mutate(string text, int count, int[] choices)
    {
        for (var i = 0; i < count; i++)
        {
            var (op, a, b) = (choices[3 * i] % 3, choices[(3 * i) + 1], choices[(3 * i) + 2]);
            var at = a % (text.Length + 1);
            text = op switch
            {
                0 => text.Insert(at, JsonTokens[b % JsonTokens.Length]),
                1 => text.Length == 0 ? text : text.Remove(Math.Min(at, text.Length - 1), Math.Min(1 + (b % 6), text.Length - Math.Min(at, text.Length - 1))),
                _ => text[..at],
            };
        }

        return text;
    }
}
