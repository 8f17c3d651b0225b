namespace Roster.Client.Tests;

/// <summary>CONSUL_HTTP_ADDR, CONSUL_HTTP_SSL and CONSUL_HTTP_TOKEN as Go's api.DefaultConfig and api.NewClient read them.</summary>
public sealed class ConsulClientOptionsTests
{
    [Theory]
    [InlineData(null, null, "http://127.0.0.1:8500/")]
    [InlineData("", null, "http://127.0.0.1:8500/")]
    [InlineData("10.0.0.7:8501", null, "http://10.0.0.7:8501/")]
    [InlineData("consul.service:8500", null, "http://consul.service:8500/")]
    [InlineData("[::1]:8500", null, "http://[::1]:8500/")]
    [InlineData("http://127.0.0.1:18500", null, "http://127.0.0.1:18500/")]
    [InlineData("https://consul.example:8501", null, "https://consul.example:8501/")]
    [InlineData("127.0.0.1:8501", "true", "https://127.0.0.1:8501/")]
    [InlineData("http://127.0.0.1:8501", "1", "https://127.0.0.1:8501/")]
    [InlineData("127.0.0.1:8500", "false", "http://127.0.0.1:8500/")]
    public void FromEnvironment_Address_ParsedAsConsulToolsDo(string? address, string? ssl, string expected)
    {
        var options = ConsulClientOptions.FromEnvironment(Variables(("CONSUL_HTTP_ADDR", address), ("CONSUL_HTTP_SSL", ssl)));

        Assert.Equal(new Uri(expected), options.Address);
    }

    [Theory]
    [InlineData("unix:///var/run/consul.sock")]
    [InlineData("ftp://127.0.0.1:8500")]
    public void FromEnvironment_UnsupportedScheme_ThrowsNamingIt(string address)
    {
        var error = Assert.Throws<FormatException>(() => ConsulClientOptions.FromEnvironment(Variables(("CONSUL_HTTP_ADDR", address))));

        Assert.Contains("Unknown protocol scheme", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("s3cr3t", "s3cr3t")]
    public void FromEnvironment_Token_EmptyMeansNone(string? token, string? expected) =>
        Assert.Equal(expected, ConsulClientOptions.FromEnvironment(Variables(("CONSUL_HTTP_TOKEN", token))).Token);

    private static Func<string, string?> Variables(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
