using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class ConversionFunctionsTests
{
    [Theory]
    [InlineData("-1", -1L)]
    [InlineData("+42", 42L)]
    [InlineData("", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void ParseInt_Valid_ReturnsInt64(string s, long expected) => Assert.Equal(expected, ConversionFunctions.ParseInt(s));

    [Theory]
    [InlineData("x", "parseInt: strconv.ParseInt: parsing \"x\": invalid syntax")]
    [InlineData(" 1", "parseInt: strconv.ParseInt: parsing \" 1\": invalid syntax")]
    [InlineData("1.5", "parseInt: strconv.ParseInt: parsing \"1.5\": invalid syntax")]
    [InlineData("9223372036854775808", "parseInt: strconv.ParseInt: parsing \"9223372036854775808\": value out of range")]
    [InlineData("a\n", "parseInt: strconv.ParseInt: parsing \"a\\n\": invalid syntax")]
    public void ParseInt_Invalid_ThrowsStrconvText(string s, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => ConversionFunctions.ParseInt(s)).Message);

    [Theory]
    [InlineData("1", 1UL)]
    [InlineData("", 0UL)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void ParseUint_Valid_ReturnsUInt64(string s, ulong expected) => Assert.Equal(expected, ConversionFunctions.ParseUint(s));

    [Fact]
    public void ParseUint_Signed_IsSyntaxError() =>
        Assert.Equal("parseUint: strconv.ParseUint: parsing \"-1\": invalid syntax",
            Assert.Throws<InvalidOperationException>(() => ConversionFunctions.ParseUint("-1")).Message);

    [Theory]
    [InlineData("true", true)]
    [InlineData("T", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("", false)]
    public void ParseBool_GoSpellings_Parse(string s, bool expected) => Assert.Equal(expected, ConversionFunctions.ParseBool(s));

    [Fact]
    public void ParseBool_Yes_IsSyntaxError() =>
        Assert.Equal("parseBool: strconv.ParseBool: parsing \"yes\": invalid syntax",
            Assert.Throws<InvalidOperationException>(() => ConversionFunctions.ParseBool("yes")).Message);

    [Theory]
    [InlineData("1.2", 1.2)]
    [InlineData("1.0", 1.0)]
    [InlineData("", 0.0)]
    [InlineData(".5e1", 5.0)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("infinity", double.PositiveInfinity)]
    [InlineData("NaN", double.NaN)]
    public void ParseFloat_Valid_ReturnsDouble(string s, double expected) => Assert.Equal(expected, ConversionFunctions.ParseFloat(s));

    [Theory]
    [InlineData("1.2.3", "parseFloat: strconv.ParseFloat: parsing \"1.2.3\": invalid syntax")]
    [InlineData("+nan", "parseFloat: strconv.ParseFloat: parsing \"+nan\": invalid syntax")]
    [InlineData("1_000", "parseFloat: strconv.ParseFloat: parsing \"1_000\": invalid syntax")]
    [InlineData("1e400", "parseFloat: strconv.ParseFloat: parsing \"1e400\": value out of range")]
    public void ParseFloat_Invalid_ThrowsStrconvText(string s, string message) =>
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => ConversionFunctions.ParseFloat(s)).Message);
}
