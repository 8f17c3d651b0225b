using System.Text.Json;

namespace Roster.Testing.Services;

/// <summary>A reply of <c>roster service www</c>: <c>{"data":{"data":N,"data_pid":PID},"web_pid":PID}</c>.</summary>
public sealed record WwwReply(int WebPid, int DataPid, long Data)
{
    public static WwwReply Parse(string json)
    {
        using var reply = JsonDocument.Parse(json);
        var data = reply.RootElement.GetProperty("data");
        return new WwwReply(
            reply.RootElement.GetProperty("web_pid").GetInt32(), data.GetProperty("data_pid").GetInt32(), data.GetProperty("data").GetInt64());
    }

    /// <summary>GETs www once; a non-200 answer throws, so a failed reply can never pass for a good one.</summary>
    public static async Task<WwwReply> GetAsync(HttpClient http, Uri www)
    {
        using var response = await http.GetAsync(www);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? Parse(body)
            : throw new HttpRequestException($"www answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
    }
}
