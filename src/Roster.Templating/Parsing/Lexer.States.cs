namespace Roster.Templating.Parsing;

/// <summary>The lexer's state functions, one per Go stateFn.</summary>
internal sealed partial class Lexer
{
    private State? LexText()
    {
        var x = _input.IndexOf(_left, _pos, StringComparison.Ordinal);
        if (x >= 0)
        {
            if (x > _pos)
            {
                _pos = x;
                var trimLength = HasLeftTrimMarker(_pos + _left.Length) ? RightTrimLength(_start, _pos) : 0;
                _pos -= trimLength;
                if (_pos > _start)
                {
                    Emit(TokenKind.Text);
                }

                _pos += trimLength;
                _start = _pos;
            }

            return LexLeftDelim;
        }

        _pos = _input.Length;
        if (_pos > _start)
        {
            Emit(TokenKind.Text);
        }

        Emit(TokenKind.Eof);
        return null;
    }

    private State? LexLeftDelim()
    {
        _pos += _left.Length;
        var afterMarker = HasLeftTrimMarker(_pos) ? 2 : 0;
        if (StartsWithAt(_pos + afterMarker, LeftComment))
        {
            _pos += afterMarker;
            _start = _pos;
            return LexComment;
        }

        Emit(TokenKind.LeftDelim);
        _pos += afterMarker;
        _start = _pos;
        _parenDepth = 0;
        return LexInsideAction;
    }

    private State? LexComment()
    {
        _pos += LeftComment.Length;
        var x = _input.IndexOf(RightComment, _pos, StringComparison.Ordinal);
        if (x < 0)
        {
            return Error("unclosed comment");
        }

        _pos = x + RightComment.Length;
        var (delim, trim) = AtRightDelim();
        if (!delim)
        {
            return Error("comment ends before closing delimiter");
        }

        var comment = new Token(TokenKind.Comment, _start, _input[_start.._pos], _source.LineOf(_start));
        _pos += (trim ? 2 : 0) + _right.Length;
        if (trim)
        {
            _pos += LeftTrimLength(_pos);
        }

        _start = _pos;
        if (_options.EmitComments)
        {
            _tokens.Add(comment);
        }

        return LexText;
    }

    private State? LexRightDelim()
    {
        var (_, trim) = AtRightDelim();
        if (trim)
        {
            _pos += 2;
            _start = _pos;
        }

        _pos += _right.Length;
        Emit(TokenKind.RightDelim);
        if (trim)
        {
            _pos += LeftTrimLength(_pos);
            _start = _pos;
        }

        return LexText;
    }

    private State? LexInsideAction()
    {
        if (AtRightDelim().Delim)
        {
            return _parenDepth == 0 ? LexRightDelim : Error("unclosed left paren");
        }

        var r = Next();
        switch (r)
        {
            case Eof:
                return Error("unclosed action");
            case ' ' or '\t' or '\r' or '\n':
                Backup(); // The space may start a " -}}" trim marker.
                return LexSpace;
            case '=':
                Emit(TokenKind.Assign);
                break;
            case ':':
                if (Next() != '=')
                {
                    return Error("expected :=");
                }

                Emit(TokenKind.Declare);
                break;
            case '|':
                Emit(TokenKind.Pipe);
                break;
            case '"':
                return LexQuote;
            case '`':
                return LexRawQuote;
            case '$':
                return LexVariable;
            case '\'':
                return LexChar;
            case '.' when _pos >= _input.Length || _input[_pos] is < '0' or > '9':
                return LexField;
            case '.' or '+' or '-' or (>= '0' and <= '9'):
                Backup();
                return LexNumber;
            case '(':
                Emit(TokenKind.LeftParen);
                _parenDepth++;
                break;
            case ')':
                if (--_parenDepth < 0)
                {
                    return Error("unexpected right paren");
                }

                Emit(TokenKind.RightParen);
                break;
            case var _ when IsAlphaNumeric(r):
                Backup();
                return LexIdentifier;
            case < 0x7F and >= ' ':
                Emit(TokenKind.Char);
                break;
            default:
                return Error("unrecognized character in action: " + FormatRune(r));
        }

        return LexInsideAction;
    }

    private State? LexSpace()
    {
        var spaces = 0;
        while (IsSpace(Peek()))
        {
            Next();
            spaces++;
        }

        // A space followed by "-}}" belongs to the trim marker, not to the action.
        if (HasRightTrimMarker(_pos - 1) && StartsWithAt(_pos + 1, _right))
        {
            _pos--;
            if (spaces == 1)
            {
                return LexRightDelim;
            }
        }

        Emit(TokenKind.Space);
        return LexInsideAction;
    }
}
