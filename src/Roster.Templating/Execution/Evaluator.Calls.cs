using Roster.Templating.Parsing;

namespace Roster.Templating.Execution;

/// <summary>Function and method calls: argument evaluation and conversion, and the and/or/call builtins.</summary>
internal sealed partial class Evaluator
{
    private object? EvalFunction(object? dot, IdentifierNode node, Node cmd, IReadOnlyList<Node>? args, object? final)
    {
        _node = node;
        var entry = _functions.Lookup(node.Ident) ?? throw Fail($"{GoQuote.Quote(node.Ident)} is not a defined function");
        return EvalCall(dot, entry.Callable, entry.Builtin, cmd, node.Ident, args, final, receiver: null);
    }

    /// <summary>Go's evalCall. <paramref name="args"/>[0] is the function's own node and is not passed.</summary>
    private object? EvalCall(object? dot, Callable fn, BuiltinKind builtin, Node node, string name, IReadOnlyList<Node>? args, object? final, object? receiver)
    {
        var argNodes = args is null ? [] : args.Skip(1).ToList();
        var numIn = argNodes.Count + (final != Missing ? 1 : 0);
        var numFixed = argNodes.Count;
        if (fn.IsVariadic)
        {
            numFixed = fn.Fixed.Count;
            if (numIn < numFixed)
            {
                throw Fail($"wrong number of args for {name}: want at least {numFixed} got {argNodes.Count}");
            }
        }
        else if (numIn != fn.Fixed.Count)
        {
            throw Fail($"wrong number of args for {name}: want {fn.Fixed.Count} got {numIn}");
        }

        if (fn.ReturnsVoid)
        {
            throw Fail($"can't call method/function {GoQuote.Quote(name)} with 0 results");
        }

        if (builtin is BuiltinKind.And or BuiltinKind.Or)
        {
            return ShortCircuit(dot, builtin == BuiltinKind.Or, argNodes, final);
        }

        var argv = new object?[numIn];
        var i = 0;
        for (; i < numFixed && i < argNodes.Count; i++)
        {
            argv[i] = EvalArg(dot, fn.Fixed[i], argNodes[i]);
        }

        for (; i < argNodes.Count; i++)
        {
            argv[i] = EvalArg(dot, fn.VariadicElement!, argNodes[i]);
        }

        if (final != Missing)
        {
            // The piped value is the last argument: a fixed parameter, or one more variadic element.
            var type = fn.IsVariadic ? (numIn - 1 < numFixed ? fn.Fixed[numIn - 1] : fn.VariadicElement!) : fn.Fixed[^1];
            argv[i] = ValidateType(final, type);
        }

        try
        {
            if (builtin == BuiltinKind.Call)
            {
                return CallBuiltin(argNodes.Count == 0 ? "pipeline" : argNodes[0].ToString(), argv[0], argv[1..]);
            }

            return fn.Invoke(receiver, argv);
        }
        catch (Exception e) when (e is not TemplateException)
        {
            _node = node;
            throw Fail($"error calling {name}: {e.Message}", e);
        }
    }

    /// <summary>and/or evaluate arguments only until the result is known, and return that operand itself.</summary>
    private object? ShortCircuit(object? dot, bool isOr, List<Node> argNodes, object? final)
    {
        object? value = null;
        foreach (var arg in argNodes)
        {
            value = EvalArg(dot, typeof(object), arg);
            if (GoValues.IsTrue(value) == isOr)
            {
                return value;
            }
        }

        return final != Missing ? final : value;
    }

    /// <summary>Go's call builtin: the first argument must be a function; the rest are fitted to its parameters.</summary>
    private static object? CallBuiltin(string calleeName, object? function, object?[] args)
    {
        if (function is null)
        {
            throw new GoError("call of nil");
        }

        if (function is not Delegate d)
        {
            throw new GoError($"non-function {calleeName} of type {GoTypes.NameOf(function)}");
        }

        var fn = Callable.FromDelegate(d);
        if (fn.IsVariadic ? args.Length < fn.Fixed.Count : args.Length != fn.Fixed.Count)
        {
            var want = fn.IsVariadic ? $"at least {fn.Fixed.Count}" : fn.Fixed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new GoError($"wrong number of args for {calleeName}: got {args.Length} want {want}");
        }

        var argv = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var type = i < fn.Fixed.Count ? fn.Fixed[i] : fn.VariadicElement!;
            if (args[i] is null && !ArgumentConverter.CanBeNil(type))
            {
                throw new GoError($"arg {i}: value is nil; should be of type {GoTypes.NameOf(type)}");
            }

            if (!ArgumentConverter.TryConvert(args[i], type, out argv[i], out _))
            {
                throw new GoError($"arg {i}: value has type {GoTypes.NameOf(args[i])}; should be {GoTypes.NameOf(type)}");
            }
        }

        return fn.Invoke(null, argv);
    }

    private object? ValidateType(object? value, Type type) =>
        ArgumentConverter.TryConvert(value, type, out var result, out var error) ? result : throw Fail(error!);

    /// <summary>Go's evalArg: computed values are validated; constants convert to the parameter's type.</summary>
    private object? EvalArg(object? dot, Type type, Node n)
    {
        _node = n;
        switch (n)
        {
            case DotNode:
                return ValidateType(dot, type);
            case NilNode:
                return ArgumentConverter.CanBeNil(type) ? null : throw Fail($"cannot assign nil to {GoTypes.NameOf(type)}");
            case FieldNode field:
                return ValidateType(EvalFieldNode(dot, field, [n], Missing), type);
            case VariableNode variable:
                return ValidateType(EvalVariableNode(dot, variable, null, Missing), type);
            case PipeNode pipe:
                return ValidateType(EvalPipeline(dot, pipe), type);
            case IdentifierNode identifier:
                return ValidateType(EvalFunction(dot, identifier, identifier, null, Missing), type);
            case ChainNode chain:
                return ValidateType(EvalChainNode(dot, chain, null, Missing), type);
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(object))
        {
            return n switch
            {
                BoolNode b => b.True,
                NumberNode number => IdealConstant(number),
                StringNode s => s.Text,
                _ => throw Fail($"can't handle {n} for arg of type {GoTypes.NameOf(type)}"),
            };
        }

        if (target == typeof(bool))
        {
            return n is BoolNode b ? b.True : throw Fail($"expected bool; found {n}");
        }

        if (target == typeof(string))
        {
            return n is StringNode s ? s.Text : throw Fail($"expected string; found {n}");
        }

        if (target == typeof(double) || target == typeof(float) || target == typeof(decimal))
        {
            return n is NumberNode { IsFloat: true } f ? Convert.ChangeType(f.Float64, target, null) : throw Fail($"expected float; found {n}");
        }

        if (ArgumentConverter.IsIntegral(target))
        {
            return n is NumberNode { IsInt: true } i ? ValidateType(i.Int64, target) : throw Fail($"expected integer; found {n}");
        }

        throw Fail($"can't handle {n} for arg of type {GoTypes.NameOf(type)}");
    }
}
