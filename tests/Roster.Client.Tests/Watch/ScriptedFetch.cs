using System.Threading.Channels;

namespace Roster.Client.Tests.Watch;

/// <summary>A fetch function the test answers call by call, recording the options of each call.</summary>
internal sealed class ScriptedFetch
{
    private readonly Channel<QueryOptions> _calls = Channel.CreateUnbounded<QueryOptions>();
    private readonly Channel<Func<QueryResult<string>>> _answers = Channel.CreateUnbounded<Func<QueryResult<string>>>();

    public async Task<QueryResult<string>> FetchAsync(QueryOptions options, CancellationToken cancellationToken)
    {
        _calls.Writer.TryWrite(options);
        var answer = await _answers.Reader.ReadAsync(cancellationToken);
        return answer();
    }

    public void Answer(ulong index, string value, Action? whileFetching = null) => _answers.Writer.TryWrite(() =>
    {
        whileFetching?.Invoke();
        return new QueryResult<string> { Value = value, LastIndex = index, KnownLeader = true };
    });

    public void Fail() => _answers.Writer.TryWrite(() => throw new HttpRequestException("connection refused"));

    public async Task<QueryOptions> NextCallAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(Signals.Timeout);

    public async Task<ulong[]> NextIndexesAsync(int count)
    {
        var indexes = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = (await NextCallAsync()).Index;
        }

        return indexes;
    }

    public bool HasUnreadCall => _calls.Reader.TryPeek(out _);
}
