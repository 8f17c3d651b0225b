using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Roster.Templating.Execution;

namespace Roster.Templating.Functions;

/// <summary>
/// Go's encoding/json Marshal/MarshalIndent output for template values: map keys sorted, records as objects of their
/// public properties in declaration order, HTML characters escaped as <c>\u003c</c> unless asked not to.
/// </summary>
internal sealed class GoJsonWriter(bool escapeHtml, bool indent)
{
    private readonly StringBuilder _sb = new();

    public static string Write(object? value, bool escapeHtml, bool indent)
    {
        var writer = new GoJsonWriter(escapeHtml, indent);
        writer.Value(value, 0);
        return writer._sb.ToString();
    }

    private void Value(object? value, int depth)
    {
        switch (value)
        {
            case null: _sb.Append("null"); break;
            case bool b: _sb.Append(b ? "true" : "false"); break;
            case string s: String(s); break;
            case double d: Float(d, 64); break;
            case float f: Float(f, 32); break;
            case decimal m: _sb.Append(m.ToString(CultureInfo.InvariantCulture)); break;
            case byte[] bytes: String(Convert.ToBase64String(bytes)); break; // Go encodes []byte as base64.
            case Delegate: throw new InvalidOperationException($"json: unsupported type: {GoTypes.NameOf(value)}");
            default:
                if (GoValues.TryGetInt64(value, out var integer))
                {
                    _sb.Append(integer.ToString(CultureInfo.InvariantCulture));
                }
                else if (value is ulong ul)
                {
                    _sb.Append(ul.ToString(CultureInfo.InvariantCulture));
                }
                else if (MapAccessor.For(value) is { } map)
                {
                    Object(map.Entries(value).Select(e => (Key: Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e.Value))
                        .OrderBy(e => e.Key, StringComparer.Ordinal), depth);
                }
                else if (value is IEnumerable list)
                {
                    Array(list, depth);
                }
                else
                {
                    Object(value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.GetIndexParameters().Length == 0)
                        .Select(p => (p.Name, p.GetValue(value))), depth);
                }

                break;
        }
    }

    private void Array(IEnumerable list, int depth)
    {
        _sb.Append('[');
        var any = false;
        foreach (var item in list)
        {
            _sb.Append(any ? "," : "");
            NewLine(depth + 1);
            Value(item, depth + 1);
            any = true;
        }

        if (any)
        {
            NewLine(depth);
        }

        _sb.Append(']');
    }

    private void Object(IEnumerable<(string Key, object? Value)> entries, int depth)
    {
        _sb.Append('{');
        var any = false;
        foreach (var (key, item) in entries)
        {
            _sb.Append(any ? "," : "");
            NewLine(depth + 1);
            String(key);
            _sb.Append(indent ? ": " : ":");
            Value(item, depth + 1);
            any = true;
        }

        if (any)
        {
            NewLine(depth);
        }

        _sb.Append('}');
    }

    private void NewLine(int depth)
    {
        if (indent)
        {
            _sb.Append('\n').Append(' ', depth * 2);
        }
    }

    // encoding/json's floatEncoder: shortest digits, 'e' notation outside [1e-6, 1e21), exponent without leading zero.
    private void Float(double d, int bits)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            throw new InvalidOperationException($"json: unsupported value: {GoFloat.Format(d, 'g', -1, bits)}");
        }

        var abs = Math.Abs(d);
        var exponent = abs != 0 && (abs < 1e-6 || abs >= 1e21);
        var text = GoFloat.Format(d, exponent ? 'e' : 'f', -1, bits);
        if (exponent && text.Length >= 4 && text[^4] == 'e' && text[^3] == '-' && text[^2] == '0')
        {
            text = text[..^2] + text[^1];
        }

        _sb.Append(text);
    }

    private void String(string s)
    {
        _sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\b': _sb.Append("\\b"); break;
                case '\f': _sb.Append("\\f"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                case '<' or '>' or '&' when escapeHtml: Unicode(c); break;
                case '\u2028' or '\u2029': Unicode(c); break; // Go escapes these even without HTML escaping.
                case < ' ': Unicode(c); break;
                default:
                    // A lone surrogate is not valid UTF-8; Go writes the replacement character for it.
                    if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])))
                    {
                        _sb.Append("\\ufffd");
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        _sb.Append(c).Append(s[++i]);
                    }
                    else
                    {
                        _sb.Append(c);
                    }

                    break;
            }
        }

        _sb.Append('"');
    }

    private void Unicode(char c) => _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
