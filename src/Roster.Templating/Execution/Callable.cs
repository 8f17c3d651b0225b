using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Roster.Templating.Execution;

/// <summary>
/// A function's calling shape, computed once: fixed parameter types, the element type of a final
/// <c>params T[]</c> parameter (Go's variadic <c>...T</c>), and how to invoke it.
/// </summary>
internal sealed class Callable
{
    private static readonly ConcurrentDictionary<(Type, MethodInfo), (Type[] Fixed, Type? Variadic, bool Void)> Signatures = new();

    private readonly Delegate? _delegate;
    private readonly MethodInfo? _method;

    private Callable(Delegate? function, MethodInfo? method, Type[] fixedParameters, Type? variadicElement, bool returnsVoid)
    {
        _delegate = function;
        _method = method;
        Fixed = fixedParameters;
        VariadicElement = variadicElement;
        ReturnsVoid = returnsVoid;
    }

    public IReadOnlyList<Type> Fixed { get; }

    public Type? VariadicElement { get; }

    public bool IsVariadic => VariadicElement is not null;

    public bool ReturnsVoid { get; }

    public static Callable FromDelegate(Delegate function)
    {
        var (fixedParameters, variadic, returnsVoid) = Signatures.GetOrAdd((function.GetType(), function.Method), static key =>
        {
            var invoke = key.Item1.GetMethod("Invoke")!;
            var parameters = invoke.GetParameters();
            var methodParameters = key.Item2.GetParameters();
            var last = parameters.Length - 1;

            // Lambdas carry [ParamArray] on the target method, named delegate types on Invoke.
            var isParams = last >= 0 && parameters[last].ParameterType.IsArray
                && (parameters[last].IsDefined(typeof(ParamArrayAttribute))
                    || (methodParameters.Length == parameters.Length && methodParameters[last].IsDefined(typeof(ParamArrayAttribute))));
            return Shape(parameters, isParams, invoke.ReturnType);
        });
        return new Callable(function, null, fixedParameters, variadic, returnsVoid);
    }

    public static Callable FromMethod(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var isParams = parameters.Length > 0 && parameters[^1].IsDefined(typeof(ParamArrayAttribute));
        var (fixedParameters, variadic, returnsVoid) = Shape(parameters, isParams, method.ReturnType);
        return new Callable(null, method, fixedParameters, variadic, returnsVoid);
    }

    /// <summary>Invokes with converted arguments; variadic ones are packed into the params array.</summary>
    public object? Invoke(object? receiver, object?[] arguments)
    {
        var packed = arguments;
        if (VariadicElement is not null)
        {
            var rest = Array.CreateInstance(VariadicElement, arguments.Length - Fixed.Count);
            for (var i = 0; i < rest.Length; i++)
            {
                rest.SetValue(arguments[Fixed.Count + i], i);
            }

            packed = [.. arguments.Take(Fixed.Count), rest];
        }

        // DoNotWrapExceptions lets a function's exception pass straight through: no TargetInvocationException to
        // unwrap, and no catch-and-rethrow per level, which would cost stack when templates render templates.
        if (_delegate is null)
        {
            return _method!.Invoke(receiver, BindingFlags.DoNotWrapExceptions, null, packed, null);
        }

        var method = _delegate.Method;
        if (!_delegate.HasSingleTarget || (method.IsStatic && _delegate.Target is not null))
        {
            return InvokeUnwrapped(_delegate, packed); // Multicast, or a static method closed over its first argument.
        }

        return method.Invoke(_delegate.Target, BindingFlags.DoNotWrapExceptions, null, packed, null);
    }

    private static object? InvokeUnwrapped(Delegate function, object?[] arguments)
    {
        try
        {
            return function.DynamicInvoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static (Type[] Fixed, Type? Variadic, bool Void) Shape(ParameterInfo[] parameters, bool isParams, Type returnType)
    {
        var types = parameters.Select(p => p.ParameterType).ToArray();
        return isParams
            ? (types[..^1], types[^1].GetElementType(), returnType == typeof(void))
            : (types, null, returnType == typeof(void));
    }
}
