namespace Roster.Templating.Parsing;

/// <summary>Go's parse.newNumber with strconv's base-prefixed, underscore-separated literal syntax.</summary>
internal static class GoNumber
{
    public static NumberNode Parse(int pos, string text, TokenKind kind, out string? error)
    {
        error = null;
        var node = new NumberNode(pos, text);
        if (kind == TokenKind.CharConstant)
        {
            if (!GoLiteral.TryUnquoteCharConstant(text, out var rune, out error))
            {
                return node;
            }

            return node with { IsInt = true, Int64 = rune, IsUint = true, UInt64 = (ulong)rune, IsFloat = true, Float64 = rune };
        }

        // The value model has no complex numbers (see the brief), so imaginary literals are rejected here.
        if (kind == TokenKind.Complex || (text.EndsWith('i') && GoStrconv.TryParseFloat(text[..^1], out _)))
        {
            error = "complex numbers are not supported: " + GoQuote.Quote(text);
            return node;
        }

        var isUint = GoStrconv.TryParseUInt(text, out var u);
        var isInt = GoStrconv.TryParseInt(text, out var i);
        if (isInt && i == 0)
        {
            isUint = true; // -0 is a uint too.
        }

        if (isInt)
        {
            return node with { IsInt = true, Int64 = i, IsUint = isUint, UInt64 = u, IsFloat = true, Float64 = i };
        }

        if (isUint)
        {
            return node with { IsUint = true, UInt64 = u, IsFloat = true, Float64 = u };
        }

        if (GoStrconv.TryParseFloat(text, out var f))
        {
            // A float that looks like an integer is an integer too large for int64.
            if (text.IndexOfAny(['.', 'e', 'E', 'p', 'P']) < 0)
            {
                error = "integer overflow: " + GoQuote.Quote(text);
                return node;
            }

            var fitsInt = f >= -9.2233720368547758e18 && f < 9.2233720368547758e18 && Math.Floor(f) == f;
            var fitsUint = f >= 0 && f < 1.8446744073709552e19 && Math.Floor(f) == f;
            return node with
            {
                IsFloat = true,
                Float64 = f,
                IsInt = fitsInt,
                Int64 = fitsInt ? (long)f : 0,
                IsUint = fitsUint,
                UInt64 = fitsUint ? (ulong)f : 0,
            };
        }

        error = "illegal number syntax: " + GoQuote.Quote(text);
        return node;
    }
}
