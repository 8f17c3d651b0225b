using System.Runtime.ExceptionServices;

namespace Roster.Fuzz.Tests;

/// <summary>
/// What one property run did: the cases it executed (shrinking included), how many of them failed, and the failure
/// CsCheck reported (with its replay seed). Tests record the counts first, then <see cref="ThrowIfFailed"/>.
/// </summary>
internal sealed record FuzzResult(int Cases, int Failed, string Seeds, Exception? Failure)
{
    /// <summary>For the report's notes: which seeds ran, and on failure the first line of CsCheck's message.</summary>
    public string Note => Failure is null ? Seeds : $"{Seeds}; {Failure.Message.Split('\n')[0]}";

    public void ThrowIfFailed()
    {
        if (Failure is not null)
        {
            ExceptionDispatchInfo.Throw(Failure);
        }
    }
}
