using System.Globalization;

namespace Roster.Cli.Up;

/// <summary><c>roster up</c>'s compact live log: one timestamped line per change, from any thread.</summary>
internal sealed class UpConsole(TextWriter output, TimeProvider time)
{
    private readonly Lock _lock = new();

    public void Line(string text)
    {
        var stamp = time.GetLocalNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        lock (_lock)
        {
            output.WriteLine($"{stamp}  {text}");
            output.Flush();
        }
    }

    /// <summary>Lines without a timestamp (the banner).</summary>
    public void Block(IEnumerable<string> lines)
    {
        lock (_lock)
        {
            foreach (var line in lines)
            {
                output.WriteLine(line);
            }

            output.Flush();
        }
    }
}
