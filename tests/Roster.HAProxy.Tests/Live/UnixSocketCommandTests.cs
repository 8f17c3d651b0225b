using System.Net.Sockets;
using Roster.HAProxy.Live;
using Roster.Testing;

namespace Roster.HAProxy.Tests.Live;

public sealed class UnixSocketCommandTests : IDisposable
{
    private readonly RunDirectory _run = new();

    [Fact]
    public async Task SendAsync_LargeReply_ReadUntilClosed()
    {
        var large = string.Concat(Enumerable.Repeat("0123456789abcdef\n", 10_000));
        await using var socket = new FakeHAProxySocket(_run.File("admin.sock"), _ => large);

        var reply = await UnixSocketCommand.SendAsync(socket.Path, "show stat", CancellationToken.None);

        Assert.Equal(large, reply);
        Assert.Equal(["show stat"], socket.Commands);
    }

    [Fact]
    public async Task SendAsync_MasterCliKeepsConnectionOpenAfterReply_HalfCloseEndsIt()
    {
        // The master CLI waits for more commands after answering until the client says it has no more: a client that
        // does not half-close its sending side reads until its timeout (what made 'show proc' look unreliable).
        await using var socket = new FakeHAProxySocket(_run.File("master.sock"), _ => "#<PID> <type>\n1 master 0 [failed: 0]\n") { LikeMasterCli = true };

        var reply = await UnixSocketCommand.SendAsync(socket.Path, "show proc", CancellationToken.None, TimeSpan.FromSeconds(5));

        Assert.StartsWith("#<PID>", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_MissingSocket_SaysItDoesNotExist()
    {
        var path = _run.File("missing.sock");

        var error = await Assert.ThrowsAsync<HAProxySocketException>(() => UnixSocketCommand.SendAsync(path, "show proc", CancellationToken.None));

        Assert.Contains($"{path} does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(error.Connected);
    }

    [Fact]
    public async Task SendAsync_NobodyListening_SaysRefused()
    {
        var path = _run.File("stale.sock");
        // Bound and never listening, like the file a killed HAProxy leaves (.NET unlinks it on dispose, so it stays open).
        using var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        stale.Bind(new UnixDomainSocketEndPoint(path));

        var error = await Assert.ThrowsAsync<HAProxySocketException>(() => UnixSocketCommand.SendAsync(path, "show proc", CancellationToken.None));

        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.False(error.Connected);
    }

    [Fact]
    public async Task SendAsync_NoReply_TimesOut()
    {
        await using var socket = new FakeHAProxySocket(_run.File("admin.sock"), _ => "") { Hang = true };

        await Assert.ThrowsAsync<TimeoutException>(() => UnixSocketCommand.SendAsync(socket.Path, "show stat", CancellationToken.None, TimeSpan.FromMilliseconds(200)));
    }

    [Theory]
    [InlineData("show stat\nshutdown sessions")]
    [InlineData("show stat\r")]
    public async Task SendAsync_SecondLine_RefusedBeforeConnecting(string command) =>
        await Assert.ThrowsAsync<ArgumentException>(() => UnixSocketCommand.SendAsync(_run.File("x.sock"), command, CancellationToken.None));

    public void Dispose() => _run.Dispose();
}
