using Roster.Agent.Dns;

namespace Roster.Agent.Tests.Dns;

public sealed class MalformedQueryGuardTests
{
    [Fact]
    public void FormatErrorFor_QueryHeader_EchoesIdAndOpcodeWithRcodeOne()
    {
        byte[] packet = [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xff];

        var reply = MalformedQueryGuard.FormatErrorFor(packet);

        Assert.Equal(new byte[] { 0x12, 0x34, 0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0 }, reply);
    }

    [Theory]
    [InlineData(new byte[] { 0x12 })]
    [InlineData(new byte[] { 0x12, 0x34, 0x80, 0x00, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void FormatErrorFor_ShortPacketOrResponse_IsDropped(byte[] packet)
    {
        Assert.Null(MalformedQueryGuard.FormatErrorFor(packet));
    }
}
