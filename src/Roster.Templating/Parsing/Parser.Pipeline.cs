using System.Runtime.CompilerServices;

namespace Roster.Templating.Parsing;

/// <summary>Pipelines, commands and operands.</summary>
internal sealed partial class Parser
{
    private PipeNode Pipeline(string context, TokenKind end)
    {
        var start = PeekNonSpace();
        var decl = new List<VariableNode>();
        var isAssign = false;
        while (PeekNonSpace() is { Kind: TokenKind.Variable } variable)
        {
            // "$x foo" is an argument, "$x := foo" a declaration: look past the variable before deciding.
            var mark = _index;
            NextNonSpace();
            var next = PeekNonSpace();
            if (next.Kind is TokenKind.Assign or TokenKind.Declare)
            {
                isAssign = next.Kind == TokenKind.Assign;
                NextNonSpace();
                decl.Add(new VariableNode(variable.Pos, [variable.Value]));
                _vars.Add(variable.Value);
                break;
            }

            if (next.Kind == TokenKind.Char && next.Value == ",")
            {
                NextNonSpace();
                decl.Add(new VariableNode(variable.Pos, [variable.Value]));
                _vars.Add(variable.Value);
                if (context == "range" && decl.Count < 2)
                {
                    if (PeekNonSpace().Kind is TokenKind.Variable or TokenKind.RightDelim or TokenKind.RightParen)
                    {
                        continue; // The second variable of "range $i, $e := …".
                    }

                    throw Fail("range can only initialize variables");
                }

                throw Fail($"too many declarations in {context}");
            }

            _index = mark;
            break;
        }

        var cmds = new List<CommandNode>();
        while (true)
        {
            var token = NextNonSpace();
            if (token.Kind == end)
            {
                var pipe = new PipeNode(start.Pos, start.Line, isAssign, decl, cmds);
                CheckPipeline(pipe, context);
                return pipe;
            }

            switch (token.Kind)
            {
                case TokenKind.Bool or TokenKind.CharConstant or TokenKind.Complex or TokenKind.Dot or TokenKind.Field
                    or TokenKind.Identifier or TokenKind.Number or TokenKind.Nil or TokenKind.RawString or TokenKind.String
                    or TokenKind.Variable or TokenKind.LeftParen:
                    Backup();
                    cmds.Add(Command());
                    break;
                default:
                    throw Unexpected(token, context);
            }
        }
    }

    private void CheckPipeline(PipeNode pipe, string context)
    {
        if (pipe.Cmds.Count == 0)
        {
            throw Fail($"missing value for {context}");
        }

        // Only the first command of a pipeline may be a constant: "x | 3" has nothing to call.
        for (var i = 1; i < pipe.Cmds.Count; i++)
        {
            if (pipe.Cmds[i].Args[0] is BoolNode or DotNode or NilNode or NumberNode or StringNode)
            {
                throw Fail($"non executable command in pipeline stage {i + 1}");
            }
        }
    }

    private CommandNode Command()
    {
        var pos = PeekNonSpace().Pos;
        var args = new List<Node>();
        while (true)
        {
            PeekNonSpace(); // Skip leading spaces.
            if (Operand() is { } operand)
            {
                args.Add(operand);
            }

            var token = Next();
            if (token.Kind == TokenKind.Space)
            {
                continue;
            }

            if (token.Kind is TokenKind.RightDelim or TokenKind.RightParen)
            {
                Backup();
            }
            else if (token.Kind != TokenKind.Pipe)
            {
                throw Unexpected(token, "operand");
            }

            break;
        }

        if (args.Count == 0)
        {
            throw Fail("empty command");
        }

        return new CommandNode(pos, args);
    }

    private Node? Operand()
    {
        var node = Term();
        if (node is null || Peek().Kind != TokenKind.Field)
        {
            return node;
        }

        var chainPos = Peek().Pos;
        var fields = new List<string>();
        while (Peek().Kind == TokenKind.Field)
        {
            fields.Add(Next().Value[1..]);
        }

        return node switch
        {
            FieldNode field => new FieldNode(chainPos, [.. field.Ident, .. fields]),
            VariableNode variable => new VariableNode(chainPos, [.. variable.Ident, .. fields]),
            BoolNode or StringNode or NumberNode or NilNode or DotNode => ErrorNode($"unexpected . after term {GoQuote.Quote(node.ToString())}"),
            _ => new ChainNode(chainPos, node, fields),
        };
    }

    private Node? Term()
    {
        var token = NextNonSpace();
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                if (!_hasFunction(token.Value))
                {
                    throw Fail($"function {GoQuote.Quote(token.Value)} not defined");
                }

                return new IdentifierNode(token.Pos, token.Value);
            case TokenKind.Dot:
                return new DotNode(token.Pos);
            case TokenKind.Nil:
                return new NilNode(token.Pos);
            case TokenKind.Variable:
                if (!_vars.Contains(token.Value))
                {
                    throw Fail($"undefined variable {GoQuote.Quote(token.Value)}");
                }

                return new VariableNode(token.Pos, [token.Value]);
            case TokenKind.Field:
                return new FieldNode(token.Pos, [token.Value[1..]]);
            case TokenKind.Bool:
                return new BoolNode(token.Pos, token.Value == "true");
            case TokenKind.CharConstant or TokenKind.Complex or TokenKind.Number:
                var number = GoNumber.Parse(token.Pos, token.Value, token.Kind, out var error);
                return error is null ? number : ErrorNode(error);
            case TokenKind.LeftParen:
                if (_parenDepth >= _maxParenDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
                {
                    throw Fail("max expression depth exceeded");
                }

                _parenDepth++;
                try
                {
                    return Pipeline("parenthesized pipeline", TokenKind.RightParen);
                }
                finally
                {
                    _parenDepth--;
                }

            case TokenKind.String or TokenKind.RawString:
                return new StringNode(token.Pos, token.Value, Unquote(token));
            default:
                Backup();
                return null;
        }
    }

    private Node ErrorNode(string message) => throw Fail(message);
}
