using Roster.Templating.Parsing;

namespace Roster.Templating.Tests.Parsing;

/// <summary>Go's numberTests from parse_test.go; the complex cases are skipped (no complex numbers in the value model).</summary>
public class NumberTests
{
    public static TheoryData<string, bool, bool, bool, long, ulong, double> NumberTestsTable => new()
    {
        { "0", true, true, true, 0, 0, 0 },
        { "-0", true, true, true, 0, 0, 0 },
        { "73", true, true, true, 73, 73, 73 },
        { "7_3", true, true, true, 73, 73, 73 },
        { "0b10_010_01", true, true, true, 73, 73, 73 },
        { "0B10_010_01", true, true, true, 73, 73, 73 },
        { "073", true, true, true, 59, 59, 59 },
        { "0o73", true, true, true, 59, 59, 59 },
        { "0O73", true, true, true, 59, 59, 59 },
        { "0x73", true, true, true, 0x73, 0x73, 0x73 },
        { "0X73", true, true, true, 0x73, 0x73, 0x73 },
        { "0x7_3", true, true, true, 0x73, 0x73, 0x73 },
        { "-73", true, false, true, -73, 0, -73 },
        { "+73", true, false, true, 73, 0, 73 },
        { "100", true, true, true, 100, 100, 100 },
        { "1e9", true, true, true, 1000000000, 1000000000, 1e9 },
        { "-1e9", true, false, true, -1000000000, 0, -1e9 },
        { "-1.2", false, false, true, 0, 0, -1.2 },
        { "1e19", false, true, true, 0, 10000000000000000000, 1e19 },
        { "1e1_9", false, true, true, 0, 10000000000000000000, 1e19 },
        { "1E19", false, true, true, 0, 10000000000000000000, 1e19 },
        { "-1e19", false, false, true, 0, 0, -1e19 },
        { "0x_1p4", true, true, true, 16, 16, 16 },
        { "0X_1P4", true, true, true, 16, 16, 16 },
        { "0x_1p-4", false, false, true, 0, 0, 1 / 16.0 },
        { "0123", true, true, true, 83, 83, 83 },
        { "-0x0", true, true, true, 0, 0, 0 },
        { "0xdeadbeef", true, true, true, 0xdeadbeef, 0xdeadbeef, 0xdeadbeef },
        { "'a'", true, true, true, 'a', 'a', 'a' },
        { "'\\n'", true, true, true, '\n', '\n', '\n' },
        { "'\\\\'", true, true, true, '\\', '\\', '\\' },
        { "'\\''", true, true, true, '\'', '\'', '\'' },
        { "'\\xFF'", true, true, true, 0xFF, 0xFF, 0xFF },
        { "'パ'", true, true, true, 0x30d1, 0x30d1, 0x30d1 },
        { "'\\u30d1'", true, true, true, 0x30d1, 0x30d1, 0x30d1 },
        { "'\\U000030d1'", true, true, true, 0x30d1, 0x30d1, 0x30d1 },
        { "0xef", true, true, true, 0xef, 0xef, 0xef },
    };

    public static TheoryData<string> BrokenNumbers => ["+-2", "0x123.", "1e.", "0xi.", "1+2.", "'x", "'xx'", "'433937734937734969526500969526500'", "4i", "1+2i"];

    [Theory]
    [MemberData(nameof(NumberTestsTable))]
    public void Parse_GoNumberTests_FindsEveryValidInterpretation(string text, bool isInt, bool isUint, bool isFloat, long i, ulong u, double f)
    {
        var node = GoNumber.Parse(0, text, text[0] == '\'' ? TokenKind.CharConstant : TokenKind.Number, out var error);
        Assert.Null(error);
        Assert.Equal((isInt, isUint, isFloat), (node.IsInt, node.IsUint, node.IsFloat));
        Assert.Equal((isInt ? i : 0, isUint ? u : 0, f), (isInt ? node.Int64 : 0, isUint ? node.UInt64 : 0, node.Float64));
    }

    [Theory]
    [MemberData(nameof(BrokenNumbers))]
    public void Parse_BrokenOrComplexSyntax_Fails(string text)
    {
        GoNumber.Parse(0, text, text[0] == '\'' ? TokenKind.CharConstant : TokenKind.Number, out var error);
        Assert.NotNull(error);
    }
}
