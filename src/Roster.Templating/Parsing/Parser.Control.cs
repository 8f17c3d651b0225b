using System.Runtime.CompilerServices;

namespace Roster.Templating.Parsing;

/// <summary>Text, actions and the control structures: if, with, range, template, block, define, break, continue.</summary>
internal sealed partial class Parser
{
    private Node TextOrAction()
    {
        // Nested if/range/with recurse here; a CLR thread stack is fixed, unlike a goroutine's.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Fail("max nesting depth exceeded");
        }

        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Text:
                return new TextNode(token.Pos, token.Value);
            case TokenKind.LeftDelim:
                _actionLine = token.Line;
                try
                {
                    return Action();
                }
                finally
                {
                    _actionLine = 0;
                }

            case TokenKind.Comment:
                return new CommentNode(token.Pos, token.Value);
            default:
                throw Unexpected(token, "input");
        }
    }

    private Node Action()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Block: return BlockControl();
            case TokenKind.Break: return LoopControl(token, "{{break}}", (pos, line) => new BreakNode(pos, line));
            case TokenKind.Continue: return LoopControl(token, "{{continue}}", (pos, line) => new ContinueNode(pos, line));
            case TokenKind.Else: return ElseControl();
            case TokenKind.End: return new EndNode(Expect(TokenKind.RightDelim, "end").Pos);
            case TokenKind.If: return Branch("if", (pos, line, pipe, list, elseList) => new IfNode(pos, line, pipe, list, elseList));
            case TokenKind.Range: return Branch("range", (pos, line, pipe, list, elseList) => new RangeNode(pos, line, pipe, list, elseList));
            case TokenKind.Template: return TemplateControl();
            case TokenKind.With: return Branch("with", (pos, line, pipe, list, elseList) => new WithNode(pos, line, pipe, list, elseList));
        }

        Backup();
        token = Peek();

        // Variables declared here persist until the enclosing {{end}}.
        return new ActionNode(token.Pos, token.Line, Pipeline("command", TokenKind.RightDelim));
    }

    private (ListNode List, Node Next) ItemList()
    {
        var nodes = new List<Node>();
        var pos = PeekNonSpace().Pos;
        while (PeekNonSpace().Kind != TokenKind.Eof)
        {
            var node = TextOrAction();
            if (node is EndNode or ElseNode)
            {
                return (new ListNode(pos, nodes), node);
            }

            nodes.Add(node);
        }

        throw Fail("unexpected EOF");
    }

    private Node LoopControl(Token keyword, string context, Func<int, int, Node> create)
    {
        var token = NextNonSpace();
        if (token.Kind != TokenKind.RightDelim)
        {
            throw Unexpected(token, context);
        }

        if (_rangeDepth == 0)
        {
            throw Fail($"{context} outside {{{{range}}}}");
        }

        return create(keyword.Pos, keyword.Line);
    }

    private ElseNode ElseControl()
    {
        // "{{else if …" and "{{else with …" leave the keyword pending; Branch treats them as a nested if/with.
        var peek = PeekNonSpace();
        if (peek.Kind is TokenKind.If or TokenKind.With)
        {
            return new ElseNode(peek.Pos, peek.Line);
        }

        var token = Expect(TokenKind.RightDelim, "else");
        return new ElseNode(token.Pos, token.Line);
    }

    private Node Branch(string context, Func<int, int, PipeNode, ListNode, ListNode?, Node> create)
    {
        var varCount = _vars.Count;
        try
        {
            var pipe = Pipeline(context, TokenKind.RightDelim);
            _rangeDepth += context == "range" ? 1 : 0;
            var (list, next) = ItemList();
            _rangeDepth -= context == "range" ? 1 : 0;
            ListNode? elseList = null;
            if (next is ElseNode)
            {
                var chained = (context == "if" && Peek().Kind == TokenKind.If) || (context == "with" && Peek().Kind == TokenKind.With);
                if (chained)
                {
                    // {{if a}}_{{else if b}}_{{end}} is {{if a}}_{{else}}{{if b}}_{{end}}{{end}}: the inner end closes both.
                    Next();
                    var inner = context == "if"
                        ? Branch("if", (p, l, pi, li, el) => new IfNode(p, l, pi, li, el))
                        : Branch("with", (p, l, pi, li, el) => new WithNode(p, l, pi, li, el));
                    elseList = new ListNode(next.Pos, [inner]);
                }
                else
                {
                    (elseList, next) = ItemList();
                    if (next is not EndNode)
                    {
                        throw Fail($"expected end; found {next}");
                    }
                }
            }

            return create(pipe.Pos, pipe.Line, pipe, list, elseList);
        }
        finally
        {
            _vars.RemoveRange(varCount, _vars.Count - varCount);
        }
    }

    private TemplateNode TemplateControl()
    {
        const string context = "template clause";
        var token = NextNonSpace();
        var name = ParseTemplateName(token, context);
        PipeNode? pipe = null;
        if (NextNonSpace().Kind != TokenKind.RightDelim)
        {
            Backup();
            pipe = Pipeline(context, TokenKind.RightDelim);
        }

        return new TemplateNode(token.Pos, token.Line, name, pipe);
    }

    private TemplateNode BlockControl()
    {
        const string context = "block clause";
        var token = NextNonSpace();
        var name = ParseTemplateName(token, context);
        var pipe = Pipeline(context, TokenKind.RightDelim);
        ParseNestedTree(name, context);
        return new TemplateNode(token.Pos, token.Line, name, pipe);
    }

    private void ParseDefinition()
    {
        const string context = "define clause";
        var token = NextNonSpace();
        if (token.Kind is not (TokenKind.String or TokenKind.RawString))
        {
            throw Unexpected(token, context);
        }

        var name = Unquote(token);
        Expect(TokenKind.RightDelim, context);
        ParseNestedTree(name, context);
    }

    /// <summary>A define or block body is its own tree: only $ is in scope and break is not inside a range.</summary>
    private void ParseNestedTree(string name, string context)
    {
        var (vars, rangeDepth) = (_vars, _rangeDepth);
        (_vars, _rangeDepth) = (["$"], 0);
        var (root, end) = ItemList();
        if (end is not EndNode)
        {
            throw Fail($"unexpected {end} in {context}");
        }

        Add(name, root);
        (_vars, _rangeDepth) = (vars, rangeDepth);
    }

    private string ParseTemplateName(Token token, string context)
    {
        if (token.Kind is not (TokenKind.String or TokenKind.RawString))
        {
            throw Unexpected(token, context);
        }

        return Unquote(token);
    }

    private string Unquote(Token token)
    {
        return GoLiteral.Unquote(token.Value) ?? throw Fail("invalid syntax");
    }
}
