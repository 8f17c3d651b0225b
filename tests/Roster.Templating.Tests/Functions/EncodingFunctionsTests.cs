using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class EncodingFunctionsTests
{
    [Fact]
    public void Encodings_KnownInputs_MatchConsulTemplateTests()
    {
        // template_test.go helper_base64* and funcs_test.go Test_sha256Hex/md5sum/hmacSHA256Hex.
        Assert.Equal("hello", EncodingFunctions.Base64Decode("aGVsbG8="));
        Assert.Equal("aGVsbG8=", EncodingFunctions.Base64Encode("hello"));
        Assert.Equal("testing123", EncodingFunctions.Base64UrlDecode("dGVzdGluZzEyMw=="));
        Assert.Equal("dGVzdGluZzEyMw==", EncodingFunctions.Base64UrlEncode("testing123"));
        Assert.Equal("54cf4c66bcabb5c20e25331c01dd600b73369e97a947861bd8d3a0e0b8b3d70b", EncodingFunctions.Sha256Hex("bladibla"));
        Assert.Equal("c6886abd136f7daece35aebb01f1b713", EncodingFunctions.Md5Sum("bladibla"));
        Assert.Equal("82cd4c36fa45a1936e93d005ea2fd008350339bb9246a3ba0c8dfecb9d77155b", EncodingFunctions.HmacSha256Hex("bladibla", "foobar"));
        Assert.Equal("hi", EncodingFunctions.Base64Decode("aG\r\nk="));
    }

    [Theory]
    [InlineData("aGVsxxbG8=", "base64Decode: illegal base64 data at input byte 9")]
    [InlineData("aGV*", "base64Decode: illegal base64 data at input byte 3")]
    [InlineData("aGVsbG8", "base64Decode: illegal base64 data at input byte 4")]
    [InlineData("aG=", "base64Decode: illegal base64 data at input byte 3")]
    [InlineData("a===", "base64Decode: illegal base64 data at input byte 1")]
    [InlineData("aGk=x", "base64Decode: illegal base64 data at input byte 4")]
    [InlineData("aGVs bG8=", "base64Decode: illegal base64 data at input byte 4")]
    public void Base64Decode_Invalid_ThrowsGoOffset(string s, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => EncodingFunctions.Base64Decode(s)).Message);

    [Fact]
    public void Base64UrlDecode_StandardAlphabet_Fails() =>
        Assert.Equal("base64URLDecode: illegal base64 data at input byte 0",
            Assert.Throws<FormatException>(() => EncodingFunctions.Base64UrlDecode("+/8=")).Message);
}
