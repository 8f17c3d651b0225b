using System.Globalization;
using Roster.Templating.Execution;

namespace Roster.Templating.Parsing;

/// <summary>
/// A port of Go's text/template/parse recursive-descent parser. One instance parses one source text into
/// its set of named trees; define and block bodies get a fresh variable scope as Go's nested Trees do.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Go allows 10,000 nested parentheses on growable goroutine stacks; a CLR thread stack needs a lower cap.</summary>
    public const int DefaultMaxParenDepth = 1000;

    private readonly SourceText _source;
    private readonly List<Token> _tokens;
    private readonly Func<string, bool> _hasFunction;
    private readonly Dictionary<string, TemplateTree> _trees = new(StringComparer.Ordinal);
    private readonly int _maxParenDepth;
    private int _index;
    private int _furthest;
    private List<string> _vars = ["$"];
    private int _rangeDepth;
    private int _actionLine;
    private int _parenDepth;

    private Parser(SourceText source, List<Token> tokens, Func<string, bool> hasFunction, int maxParenDepth)
    {
        _source = source;
        _tokens = tokens;
        _hasFunction = hasFunction;
        _maxParenDepth = maxParenDepth;
    }

    /// <summary>Parses <paramref name="text"/> into the named top-level tree plus its define/block trees.</summary>
    public static IReadOnlyDictionary<string, TemplateTree> Parse(
        string name,
        string text,
        Func<string, bool> hasFunction,
        string leftDelimiter = "{{",
        string rightDelimiter = "}}",
        bool emitComments = false,
        int maxParenDepth = DefaultMaxParenDepth)
    {
        var source = new SourceText(name, text);
        var options = new LexerOptions(emitComments, !hasFunction("break"), !hasFunction("continue"));
        var parser = new Parser(source, Lexer.Lex(source, leftDelimiter, rightDelimiter, options), hasFunction, maxParenDepth);
        parser.Add(name, parser.ParseTopLevel());
        return parser._trees;
    }

    private ListNode ParseTopLevel()
    {
        var nodes = new List<Node>();
        var pos = Peek().Pos;
        while (Peek().Kind != TokenKind.Eof)
        {
            if (Peek().Kind == TokenKind.LeftDelim)
            {
                var mark = _index;
                Next();
                if (NextNonSpace().Kind == TokenKind.Define)
                {
                    ParseDefinition();
                    continue;
                }

                _index = mark;
            }

            var node = TextOrAction();
            if (node is EndNode or ElseNode)
            {
                throw Fail($"unexpected {node}");
            }

            nodes.Add(node);
        }

        return new ListNode(pos, nodes);
    }

    /// <summary>Go's Tree.add: a later non-empty definition of the same name is an error, an empty one is ignored.</summary>
    private void Add(string name, ListNode root)
    {
        if (!_trees.TryGetValue(name, out var existing) || TemplateTree.IsEmpty(existing.Root))
        {
            _trees[name] = new TemplateTree(name, root, _source);
            return;
        }

        if (!TemplateTree.IsEmpty(root))
        {
            throw Fail($"template: multiple definition of template {GoQuote.Quote(name)}");
        }
    }

    private Token Next()
    {
        var i = Math.Min(_index, _tokens.Count - 1);
        _index++;
        _furthest = Math.Max(_furthest, i);
        return _tokens[i];
    }

    private void Backup() => _index--;

    private Token Peek()
    {
        var token = Next();
        Backup();
        return token;
    }

    private Token NextNonSpace()
    {
        Token token;
        do
        {
            token = Next();
        }
        while (token.Kind == TokenKind.Space);

        return token;
    }

    private Token PeekNonSpace()
    {
        var token = NextNonSpace();
        Backup();
        return token;
    }

    private Token Expect(TokenKind expected, string context)
    {
        var token = NextNonSpace();
        if (token.Kind != expected)
        {
            throw Unexpected(token, context);
        }

        return token;
    }

    /// <summary>Go's Tree.unexpected; a lexer error names the line its action started on when that differs.</summary>
    private TemplateException Unexpected(Token token, string context)
    {
        if (token.Kind == TokenKind.Error)
        {
            var extra = string.Empty;
            if (_actionLine != 0 && _actionLine != token.Line)
            {
                extra = string.Create(CultureInfo.InvariantCulture, $" in action started at {_source.Name}:{_actionLine}");
                if (token.Value.EndsWith(" action", StringComparison.Ordinal))
                {
                    extra = extra[" in action".Length..];
                }
            }

            return Fail(token.Value + extra);
        }

        return Fail($"unexpected {token} in {context}");
    }

    /// <summary>Go reports the line of the most recently lexed token; we add its 1-based byte column.</summary>
    private TemplateException Fail(string message)
    {
        var token = _tokens[_furthest];
        var line = _source.LineOf(token.Pos);
        var column = _source.ByteColumnOf(token.Pos) + 1;
        return new TemplateException(
            string.Create(CultureInfo.InvariantCulture, $"template: {_source.Name}:{line}:{column}: {message}"),
            _source.Name,
            line,
            column);
    }
}
