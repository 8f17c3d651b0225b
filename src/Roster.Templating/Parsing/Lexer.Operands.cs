namespace Roster.Templating.Parsing;

/// <summary>The lexer's states for identifiers, fields, variables, quoted literals and numbers.</summary>
internal sealed partial class Lexer
{
    private State? LexIdentifier()
    {
        int r;
        while (IsAlphaNumeric(r = Next()))
        {
        }

        Backup();
        if (!AtTerminator())
        {
            return Error("bad character " + FormatRune(r));
        }

        var word = _input[_start.._pos];
        if (Keywords.TryGetValue(word, out var keyword))
        {
            var demoted = (keyword == TokenKind.Break && !_options.BreakIsKeyword)
                || (keyword == TokenKind.Continue && !_options.ContinueIsKeyword);
            Emit(demoted ? TokenKind.Identifier : keyword);
        }
        else
        {
            Emit(word is "true" or "false" ? TokenKind.Bool : TokenKind.Identifier);
        }

        return LexInsideAction;
    }

    private State? LexField() => LexFieldOrVariable(TokenKind.Field);

    private State? LexVariable()
    {
        if (AtTerminator())
        {
            Emit(TokenKind.Variable); // A lone "$".
            return LexInsideAction;
        }

        return LexFieldOrVariable(TokenKind.Variable);
    }

    private State? LexFieldOrVariable(TokenKind kind)
    {
        if (AtTerminator())
        {
            Emit(kind == TokenKind.Variable ? TokenKind.Variable : TokenKind.Dot);
            return LexInsideAction;
        }

        int r;
        while (IsAlphaNumeric(r = Next()))
        {
        }

        Backup();
        if (!AtTerminator())
        {
            return Error("bad character " + FormatRune(r));
        }

        Emit(kind);
        return LexInsideAction;
    }

    private State? LexChar() => LexQuoted('\'', TokenKind.CharConstant, "unterminated character constant");

    private State? LexQuote() => LexQuoted('"', TokenKind.String, "unterminated quoted string");

    private State? LexQuoted(char quote, TokenKind kind, string unterminated)
    {
        while (true)
        {
            var r = Next();
            if (r == '\\')
            {
                r = Next();
                if (r != Eof && r != '\n')
                {
                    continue;
                }
            }

            if (r is Eof or '\n')
            {
                return Error(unterminated);
            }

            if (r == quote)
            {
                break;
            }
        }

        Emit(kind);
        return LexInsideAction;
    }

    private State? LexRawQuote()
    {
        while (true)
        {
            var r = Next();
            if (r == Eof)
            {
                return Error("unterminated raw quoted string");
            }

            if (r == '`')
            {
                break;
            }
        }

        Emit(TokenKind.RawString);
        return LexInsideAction;
    }

    private State? LexNumber()
    {
        if (!ScanNumber())
        {
            return Error("bad number syntax: " + GoQuote.Quote(_input[_start.._pos]));
        }

        if (Peek() is '+' or '-')
        {
            // Complex: 1+2i. No spaces, must end in 'i'.
            if (!ScanNumber() || _input[_pos - 1] != 'i')
            {
                return Error("bad number syntax: " + GoQuote.Quote(_input[_start.._pos]));
            }

            Emit(TokenKind.Complex);
        }
        else
        {
            Emit(TokenKind.Number);
        }

        return LexInsideAction;
    }

    /// <summary>Go's scanNumber: deliberately loose; the parser rejects what strconv cannot read.</summary>
    private bool ScanNumber()
    {
        Accept("+-");
        var digits = "0123456789_";
        if (Accept("0"))
        {
            if (Accept("xX"))
            {
                digits = "0123456789abcdefABCDEF_";
            }
            else if (Accept("oO"))
            {
                digits = "01234567_";
            }
            else if (Accept("bB"))
            {
                digits = "01_";
            }
        }

        AcceptRun(digits);
        if (Accept("."))
        {
            AcceptRun(digits);
        }

        if (digits.Length == 11 && Accept("eE"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        if (digits.Length == 23 && Accept("pP"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        Accept("i");
        if (IsAlphaNumeric(Peek()))
        {
            Next();
            return false;
        }

        return true;
    }
}
