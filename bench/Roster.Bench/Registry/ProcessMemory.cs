using System.Globalization;

namespace Roster.Bench.Registry;

/// <summary>A process's resident memory now and at its peak, from /proc/PID/status (Linux).</summary>
internal sealed record ProcessMemory(double RssMb, double PeakRssMb)
{
    public static ProcessMemory Read(int pid)
    {
        var fields = File.ReadAllLines($"/proc/{pid}/status")
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim());
        return new ProcessMemory(Megabytes(fields["VmRSS"]), Megabytes(fields["VmHWM"]));
    }

    private static double Megabytes(string kilobytes) =>
        double.Parse(kilobytes.Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
}
