using Roster.Templating.Parsing;

namespace Roster.Templating.Execution;

/// <summary>Pipelines, commands, fields, variables and constants.</summary>
internal sealed partial class Evaluator
{
    private object? EvalPipeline(object? dot, PipeNode pipe)
    {
        _node = pipe;
        var value = Missing;
        foreach (var cmd in pipe.Cmds)
        {
            value = EvalCommand(dot, cmd, value); // The previous value is this one's final argument.
        }

        foreach (var variable in pipe.Decl)
        {
            if (pipe.IsAssign)
            {
                SetVar(variable.Ident[0], value);
            }
            else
            {
                Push(variable.Ident[0], value);
            }
        }

        return value;
    }

    private object? EvalCommand(object? dot, CommandNode cmd, object? final)
    {
        var first = cmd.Args[0];
        switch (first)
        {
            case FieldNode field:
                return EvalFieldNode(dot, field, cmd.Args, final);
            case ChainNode chain:
                return EvalChainNode(dot, chain, cmd.Args, final);
            case IdentifierNode identifier:
                return EvalFunction(dot, identifier, cmd, cmd.Args, final);
            case PipeNode pipe:
                // A parenthesized pipeline holds its own arguments; nothing may be piped into it.
                NotAFunction(cmd.Args, final);
                return EvalPipeline(dot, pipe);
            case VariableNode variable:
                return EvalVariableNode(dot, variable, cmd.Args, final);
        }

        _node = first;
        NotAFunction(cmd.Args, final);
        return first switch
        {
            BoolNode b => b.True,
            DotNode => dot,
            NilNode => throw Fail("nil is not a command"),
            NumberNode number => IdealConstant(number),
            StringNode s => s.Text,
            _ => throw Fail($"can't evaluate command {GoQuote.Quote(first.ToString())}"),
        };
    }

    private void NotAFunction(IReadOnlyList<Node>? args, object? final)
    {
        if (args is { Count: > 1 } || final != Missing)
        {
            throw Fail($"can't give argument to non-function {args![0]}");
        }
    }

    /// <summary>Go's idealConstant: an untyped constant becomes int (long) or float64 (double).</summary>
    private object? IdealConstant(NumberNode constant)
    {
        _node = constant;
        var text = constant.Text;
        var isHexInt = text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X' && text.IndexOfAny(['p', 'P']) < 0;
        if (constant.IsFloat && !isHexInt && text[0] != '\'' && text.IndexOfAny(['.', 'e', 'E', 'p', 'P']) >= 0)
        {
            return constant.Float64;
        }

        if (constant.IsInt)
        {
            return constant.Int64;
        }

        return constant.IsUint ? throw Fail($"{text} overflows int") : null;
    }

    private object? EvalFieldNode(object? dot, FieldNode field, IReadOnlyList<Node>? args, object? final)
    {
        _node = field;
        return EvalFieldChain(dot, dot, field, field.Ident, args, final);
    }

    private object? EvalChainNode(object? dot, ChainNode chain, IReadOnlyList<Node>? args, object? final)
    {
        _node = chain;
        if (chain.Node is NilNode)
        {
            throw Fail($"indirection through explicit nil in {chain}");
        }

        var receiver = EvalArg(dot, typeof(object), chain.Node);
        return EvalFieldChain(dot, receiver, chain, chain.Field, args, final);
    }

    private object? EvalVariableNode(object? dot, VariableNode variable, IReadOnlyList<Node>? args, object? final)
    {
        _node = variable;
        var value = VarValue(variable.Ident[0]);
        if (variable.Ident.Count == 1)
        {
            NotAFunction(args, final);
            return value;
        }

        return EvalFieldChain(dot, value, variable, variable.Ident.Skip(1).ToList(), args, final);
    }

    private object? EvalFieldChain(object? dot, object? receiver, Node node, IReadOnlyList<string> ident, IReadOnlyList<Node>? args, object? final)
    {
        for (var i = 0; i < ident.Count - 1; i++)
        {
            receiver = EvalField(dot, ident[i], node, null, Missing, receiver);
        }

        // Only the last name in the chain receives the command's arguments.
        return EvalField(dot, ident[^1], node, args, final, receiver);
    }

    private object? EvalField(object? dot, string fieldName, Node node, IReadOnlyList<Node>? args, object? final, object? receiver)
    {
        if (receiver is null)
        {
            // Go: a field of a nil interface (missing map entry, nil data) is "no value", not an error.
            return _missingKey == MissingKey.Error ? throw Fail($"nil data; no entry for key {GoQuote.Quote(fieldName)}") : null;
        }

        var hasArgs = args is { Count: > 1 } || final != Missing;
        if (MapAccessor.For(receiver) is { } map)
        {
            if (map.KeyType == typeof(string) || map.KeyType == typeof(object))
            {
                if (hasArgs)
                {
                    throw Fail($"{fieldName} is not a method but has arguments");
                }

                if (map.TryGetValue(receiver, fieldName, out var value))
                {
                    return value;
                }

                return _missingKey switch
                {
                    MissingKey.Zero => map.ZeroValue,
                    MissingKey.Error => throw Fail($"map has no entry for key {GoQuote.Quote(fieldName)}"),
                    _ => null,
                };
            }
        }
        else if (GoValues.IsStruct(receiver) && MemberCache.Lookup(receiver.GetType(), fieldName) is { } member)
        {
            if (member.Method is { } method)
            {
                return EvalCall(dot, method, BuiltinKind.None, node, fieldName, args, final, receiver);
            }

            if (hasArgs)
            {
                throw Fail($"{fieldName} has arguments but cannot be invoked as function");
            }

            try
            {
                return member.Getter!(receiver);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is not null)
            {
                // Go fields cannot fail, but C# property getters can: report it like a failing method.
                throw Fail($"error calling {fieldName}: {e.InnerException.Message}", e.InnerException);
            }
        }

        else if (receiver.GetType().Namespace?.StartsWith("System", StringComparison.Ordinal) == false
            && MemberCache.Lookup(receiver.GetType(), fieldName) is { Method: { } listMethod })
        {
            // Go's named slices carry methods (consul-template's ServiceTags.Contains); our list types do the same.
            return EvalCall(dot, listMethod, BuiltinKind.None, node, fieldName, args, final, receiver);
        }

        throw Fail($"can't evaluate field {fieldName} in type {GoTypes.NameOf(receiver)}");
    }
}
