namespace Roster.Client;

/// <summary>Where the Consul agent is and how to talk to it.</summary>
public sealed record ConsulClientOptions
{
    /// <summary>Consul's default HTTP address.</summary>
    public static readonly Uri DefaultAddress = new("http://127.0.0.1:8500");

    /// <summary>The agent's HTTP API, e.g. <c>http://127.0.0.1:8500</c>.</summary>
    public Uri Address { get; init; } = DefaultAddress;

    /// <summary>ACL token sent as <c>X-Consul-Token</c>; null sends none.</summary>
    public string? Token { get; init; }

    /// <summary>Datacenter sent as <c>?dc=</c>; null leaves the agent's own.</summary>
    public string? Datacenter { get; init; }

    /// <summary>Reads <c>CONSUL_HTTP_ADDR</c>, <c>CONSUL_HTTP_SSL</c> and <c>CONSUL_HTTP_TOKEN</c> as Consul's own tools do.</summary>
    /// <exception cref="FormatException">CONSUL_HTTP_ADDR has a scheme other than http or https, or is not an address.</exception>
    public static ConsulClientOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    internal static ConsulClientOptions FromEnvironment(Func<string, string?> getVariable)
    {
        // Go's api.DefaultConfig: an empty variable counts as unset.
        var address = getVariable("CONSUL_HTTP_ADDR");
        var ssl = getVariable("CONSUL_HTTP_SSL");
        var token = getVariable("CONSUL_HTTP_TOKEN");
        return new ConsulClientOptions
        {
            Address = ParseAddress(string.IsNullOrEmpty(address) ? "127.0.0.1:8500" : address, IsTrue(ssl)),
            Token = string.IsNullOrEmpty(token) ? null : token,
        };
    }

    /// <summary>Parses an address the way Go's api.NewClient does: <c>host:port</c>, or <c>http://</c>/<c>https://</c> in front.</summary>
    internal static Uri ParseAddress(string address, bool useTls = false)
    {
        var scheme = useTls ? Uri.UriSchemeHttps : Uri.UriSchemeHttp;
        var separator = address.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            var given = address[..separator];
            scheme = given switch
            {
                // Never back to http when CONSUL_HTTP_SSL asked for TLS (Go's comment says the same).
                "http" => scheme,
                "https" => Uri.UriSchemeHttps,
                _ => throw new FormatException($"Unknown protocol scheme: {given} (in CONSUL_HTTP_ADDR \"{address}\")"),
            };
            address = address[(separator + 3)..];
        }

        if (!Uri.TryCreate($"{scheme}://{address}", UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException($"Invalid Consul address \"{address}\"; expected host:port or a URL");
        }

        return uri;
    }

    // strconv.ParseBool, which Go's api client uses for CONSUL_HTTP_SSL.
    private static bool IsTrue(string? value) => value is "1" or "t" or "T" or "TRUE" or "true" or "True";
}
