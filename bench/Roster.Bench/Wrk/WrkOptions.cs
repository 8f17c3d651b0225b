namespace Roster.Bench.Wrk;

/// <summary>How hard and how long wrk drives each case.</summary>
internal sealed record WrkOptions(int Threads, int Connections, TimeSpan Duration)
{
    public override string ToString() => $"wrk -t{Threads} -c{Connections} -d{Duration.TotalSeconds:0}s";
}
