using System.Text;
using System.Text.Json;
using Roster.Protocol.Json;
using Roster.Protocol.Kv;

namespace Roster.Protocol.Tests.Kv;

public sealed class KvEntryTests
{
    [Fact]
    public void Serialize_EntryWithValue_MatchesConsul()
    {
        // §6.8 item 50: standard base64 with padding, no Session key.
        var entry = new KvEntry { Key = "a/b", Value = Encoding.UTF8.GetBytes("hello"), CreateIndex = 12, ModifyIndex = 12 };

        Assert.Equal(
            "{\"LockIndex\":0,\"Key\":\"a/b\",\"Flags\":0,\"Value\":\"aGVsbG8=\",\"CreateIndex\":12,\"ModifyIndex\":12}",
            Serialize(entry));
    }

    [Fact]
    public void Serialize_EmptyValue_WritesNull()
    {
        // §6.8 item 53: an empty value is null, not "".
        var entry = new KvEntry { Key = "a/c", Flags = 42, Value = Array.Empty<byte>(), CreateIndex = 13, ModifyIndex = 14 };

        Assert.Equal(
            "{\"LockIndex\":0,\"Key\":\"a/c\",\"Flags\":42,\"Value\":null,\"CreateIndex\":13,\"ModifyIndex\":14}",
            Serialize(entry));
    }

    [Fact]
    public void Serialize_LockedEntry_WritesSession()
    {
        var entry = new KvEntry { LockIndex = 1, Key = "l", Value = new byte[] { 0xff, 0x00 }, Session = "adf4238a-882b-9ddc-4a9d-5b6758e4159e", CreateIndex = 2, ModifyIndex = 3 };

        Assert.Equal(
            "{\"LockIndex\":1,\"Key\":\"l\",\"Flags\":0,\"Value\":\"/wA=\",\"Session\":\"adf4238a-882b-9ddc-4a9d-5b6758e4159e\",\"CreateIndex\":2,\"ModifyIndex\":3}",
            Serialize(entry));
    }

    [Theory]
    [InlineData("\"aGVsbG8=\"", "hello")]
    [InlineData("null", "")]
    public void Deserialize_ConsulEntry_DecodesBase64Value(string value, string expected)
    {
        var entry = JsonSerializer.Deserialize<KvEntry>(
            "{\"LockIndex\":0,\"Key\":\"k\",\"Flags\":0,\"Value\":" + value + ",\"CreateIndex\":1,\"ModifyIndex\":1}",
            ConsulJson.ResponseOptions)!;

        Assert.Equal(expected, Encoding.UTF8.GetString(entry.Value.Span));
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ConsulJson.ResponseOptions);
}
