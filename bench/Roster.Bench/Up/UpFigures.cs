namespace Roster.Bench.Up;

/// <summary>What one <c>bench/run up</c> measured, sample by sample.</summary>
/// <param name="FirstReply">roster up launch → the first 200 through HAProxy, per run.</param>
/// <param name="ScaleToFour">roster scale www=4 launch → four distinct web_pid values through HAProxy, per run.</param>
/// <param name="Shutdown">SIGTERM → roster up exited with every child stopped, per run.</param>
/// <param name="ChildStarts">launch → "listening" of a data process, per binary (ReadyToRun, plain JIT).</param>
internal sealed record UpFigures(
    IReadOnlyList<TimeSpan> FirstReply, IReadOnlyList<TimeSpan> ScaleToFour, IReadOnlyList<TimeSpan> Shutdown,
    IReadOnlyDictionary<string, IReadOnlyList<TimeSpan>> ChildStarts);
