namespace Roster.Fuzz.Tests.Http;

/// <summary>One generated request: method, raw request target (path and query as sent on the wire) and body.</summary>
internal sealed record ApiRequest(string Method, string Target, byte[]? Body)
{
    public override string ToString() =>
        $"{Method} {Target} body={(Body is null ? "none" : System.Text.Json.JsonSerializer.Serialize(System.Text.Encoding.UTF8.GetString(Body)))}";
}
