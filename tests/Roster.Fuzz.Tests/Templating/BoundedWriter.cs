using System.Globalization;
using System.Text;

namespace Roster.Fuzz.Tests.Templating;

/// <summary>A writer that throws past a size, so a template that multiplies output fails fast instead of eating memory.</summary>
internal sealed class BoundedWriter(int maxChars) : TextWriter(CultureInfo.InvariantCulture)
{
    private int _written;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Count(1);

    public override void Write(string? value) => Count(value?.Length ?? 0);

    public override void Write(char[] buffer, int index, int count) => Count(count);

    private void Count(int chars)
    {
        _written += chars;
        if (_written > maxChars)
        {
            throw new OutputLimitException();
        }
    }
}
