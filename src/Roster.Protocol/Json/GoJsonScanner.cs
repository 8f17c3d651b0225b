using System.Diagnostics.CodeAnalysis;

namespace Roster.Protocol.Json;

/// <summary>
/// The part of Go's <c>json.Decoder.Decode</c> that finds the first JSON value in a body: a port of encoding/json's scanner
/// state machine, so malformed bodies fail with Go's exact texts (<c>EOF</c>, <c>unexpected EOF</c>,
/// <c>invalid character 'x' looking for beginning of value</c>…) and bytes after the first value are never looked at.
/// </summary>
internal static class GoJsonScanner
{
    /// <summary>Go's limit; deeper nesting is a syntax error there too.</summary>
    public const int MaxNestingDepth = 10_000;

    private enum State
    {
        BeginValueOrEmpty, BeginValue, BeginStringOrEmpty, BeginString, EndValue, EndTop,
        InString, InStringEsc, InStringEscU, InStringEscU1, InStringEscU12, InStringEscU123,
        Neg, One, Zero, Dot, Dot0, E, ESign, E0, T, Tr, Tru, F, Fa, Fal, Fals, N, Nu, Nul,
    }

    private enum Parse : byte
    {
        ObjectKey,
        ObjectValue,
        ArrayValue,
    }

    private enum Result
    {
        Continue,
        EndObjectOrArray,
        End,
        Error,
    }

    /// <summary>Finds the length of the first JSON value, or returns Go's error for the body.</summary>
    public static bool TryFindFirstValue(ReadOnlySpan<byte> data, out int length, [NotNullWhen(false)] out string? error)
    {
        var scanner = new Scanner();
        length = 0;
        for (var i = 0; i < data.Length; i++)
        {
            switch (scanner.Step(data[i]))
            {
                case Result.End:
                    // Go sees the end of a number or literal one byte late: the value stops before this byte.
                    length = i;
                    error = null;
                    return true;
                case Result.EndObjectOrArray when scanner.Depth == 0:
                    length = i + 1;
                    error = null;
                    return true;
                case Result.Error:
                    error = scanner.Error!;
                    return false;
            }
        }

        // At the end of the body Go feeds one space: that completes a top-level number or literal.
        if (scanner.Step((byte)' ') == Result.End)
        {
            length = data.Length;
            error = null;
            return true;
        }

        error = data.IndexOfAnyExcept(" \t\r\n"u8) >= 0 ? "unexpected EOF" : "EOF";
        return false;
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsHex(byte c) => char.IsAsciiHexDigit((char)c);

    private sealed class Scanner
    {
        private readonly List<Parse> _stack = [];
        private State _state = State.BeginValue;

        public int Depth => _stack.Count;

        public string? Error { get; private set; }

        public Result Step(byte c) => _state switch
        {
            State.BeginValueOrEmpty => IsSpace(c) ? Result.Continue : c == ']' ? EndValue(c) : BeginValue(c),
            State.BeginValue => BeginValue(c),
            State.BeginStringOrEmpty => BeginStringOrEmpty(c),
            State.BeginString => BeginString(c),
            State.EndValue => EndValue(c),
            State.EndTop => Result.End,
            State.InString => InString(c),
            State.InStringEsc => c is (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' or (byte)'\\' or (byte)'/' or (byte)'"'
                ? Go(State.InString)
                : c == 'u' ? Go(State.InStringEscU) : Fail(c, "in string escape code"),
            State.InStringEscU => Hex(c, State.InStringEscU1),
            State.InStringEscU1 => Hex(c, State.InStringEscU12),
            State.InStringEscU12 => Hex(c, State.InStringEscU123),
            State.InStringEscU123 => Hex(c, State.InString),
            State.Neg => c == '0' ? Go(State.Zero) : c is >= (byte)'1' and <= (byte)'9' ? Go(State.One) : Fail(c, "in numeric literal"),
            State.One => char.IsAsciiDigit((char)c) ? Result.Continue : AfterZero(c),
            State.Zero => AfterZero(c),
            State.Dot => char.IsAsciiDigit((char)c) ? Go(State.Dot0) : Fail(c, "after decimal point in numeric literal"),
            State.Dot0 => char.IsAsciiDigit((char)c) ? Result.Continue : c is (byte)'e' or (byte)'E' ? Go(State.E) : EndValue(c),
            State.E => c is (byte)'+' or (byte)'-' ? Go(State.ESign) : ESign(c),
            State.ESign => ESign(c),
            State.E0 => char.IsAsciiDigit((char)c) ? Result.Continue : EndValue(c),
            State.T => Literal(c, 'r', State.Tr, "in literal true (expecting 'r')"),
            State.Tr => Literal(c, 'u', State.Tru, "in literal true (expecting 'u')"),
            State.Tru => Literal(c, 'e', State.EndValue, "in literal true (expecting 'e')"),
            State.F => Literal(c, 'a', State.Fa, "in literal false (expecting 'a')"),
            State.Fa => Literal(c, 'l', State.Fal, "in literal false (expecting 'l')"),
            State.Fal => Literal(c, 's', State.Fals, "in literal false (expecting 's')"),
            State.Fals => Literal(c, 'e', State.EndValue, "in literal false (expecting 'e')"),
            State.N => Literal(c, 'u', State.Nu, "in literal null (expecting 'u')"),
            State.Nu => Literal(c, 'l', State.Nul, "in literal null (expecting 'l')"),
            State.Nul => Literal(c, 'l', State.EndValue, "in literal null (expecting 'l')"),
            _ => Result.Error,
        };

        private Result BeginValue(byte c)
        {
            if (IsSpace(c))
            {
                return Result.Continue;
            }

            switch (c)
            {
                case (byte)'{':
                    _state = State.BeginStringOrEmpty;
                    return Push(c, Parse.ObjectKey);
                case (byte)'[':
                    _state = State.BeginValueOrEmpty;
                    return Push(c, Parse.ArrayValue);
                case (byte)'"':
                    return Go(State.InString);
                case (byte)'-':
                    return Go(State.Neg);
                case (byte)'0':
                    return Go(State.Zero);
                case (byte)'t':
                    return Go(State.T);
                case (byte)'f':
                    return Go(State.F);
                case (byte)'n':
                    return Go(State.N);
                case >= (byte)'1' and <= (byte)'9':
                    return Go(State.One);
                default:
                    return Fail(c, "looking for beginning of value");
            }
        }

        private Result BeginStringOrEmpty(byte c)
        {
            if (IsSpace(c))
            {
                return Result.Continue;
            }

            if (c == '}')
            {
                _stack[^1] = Parse.ObjectValue;
                return EndValue(c);
            }

            return BeginString(c);
        }

        private Result BeginString(byte c) =>
            IsSpace(c) ? Result.Continue : c == '"' ? Go(State.InString) : Fail(c, "looking for beginning of object key string");

        private Result EndValue(byte c)
        {
            if (_stack.Count == 0)
            {
                // Go reports End even for a non-space byte here; the Decoder stops before it and never complains.
                _state = State.EndTop;
                return Result.End;
            }

            if (IsSpace(c))
            {
                _state = State.EndValue;
                return Result.Continue;
            }

            switch (_stack[^1])
            {
                case Parse.ObjectKey when c == ':':
                    _stack[^1] = Parse.ObjectValue;
                    return Go(State.BeginValue);
                case Parse.ObjectKey:
                    return Fail(c, "after object key");
                case Parse.ObjectValue when c == ',':
                    _stack[^1] = Parse.ObjectKey;
                    return Go(State.BeginString);
                case Parse.ObjectValue when c == '}':
                    return Pop();
                case Parse.ObjectValue:
                    return Fail(c, "after object key:value pair");
                case Parse.ArrayValue when c == ',':
                    return Go(State.BeginValue);
                case Parse.ArrayValue when c == ']':
                    return Pop();
                default:
                    return Fail(c, "after array element");
            }
        }

        private Result InString(byte c) => c switch
        {
            (byte)'"' => Go(State.EndValue),
            (byte)'\\' => Go(State.InStringEsc),
            < 0x20 => Fail(c, "in string literal"),
            _ => Result.Continue,
        };

        private Result AfterZero(byte c) => c switch
        {
            (byte)'.' => Go(State.Dot),
            (byte)'e' or (byte)'E' => Go(State.E),
            _ => EndValue(c),
        };

        private Result ESign(byte c) => char.IsAsciiDigit((char)c) ? Go(State.E0) : Fail(c, "in exponent of numeric literal");

        private Result Hex(byte c, State next) => IsHex(c) ? Go(next) : Fail(c, "in \\u hexadecimal character escape");

        private Result Literal(byte c, char expected, State next, string context) => c == expected ? Go(next) : Fail(c, context);

        private Result Push(byte c, Parse parse)
        {
            _stack.Add(parse);
            return _stack.Count <= MaxNestingDepth ? Result.Continue : Fail(c, "exceeded max depth");
        }

        private Result Pop()
        {
            _stack.RemoveAt(_stack.Count - 1);
            _state = _stack.Count == 0 ? State.EndTop : State.EndValue;
            return Result.EndObjectOrArray;
        }

        private Result Go(State next)
        {
            _state = next;
            return Result.Continue;
        }

        private Result Fail(byte c, string context)
        {
            Error = "invalid character " + GoText.QuoteByte(c) + " " + context;
            return Result.Error;
        }
    }
}
