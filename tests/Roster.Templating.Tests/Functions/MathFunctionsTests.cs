using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class MathFunctionsTests
{
    // Arguments in call order (b, a): the template {{ a | add b }} calls add(b, a). Cases from template_test.go's math_*.
    public static TheoryData<string, object?, object?, object> Cases => new()
    {
        { "add", 2L, 2L, 4L },
        { "subtract", 2L, 2L, 0L },
        { "subtract", 3L, 10L, 7L },
        { "multiply", 2L, 2L, 4L },
        { "divide", 2L, 2L, 1L },
        { "divide", 2L, 7L, 3L },
        { "modulo", 2L, 3L, 1L },
        { "minimum", 2L, 3L, 2L },
        { "maximum", 2L, 3L, 3L },
        { "add", 1.5, 2L, 3.5 },
        { "add", 2L, 1.5, 3.5 },
        { "divide", 2.0, 7L, 3.5 },
        { "divide", 0.0, 1.0, double.PositiveInfinity },
        { "add", 1UL, 2UL, 3UL },
        { "subtract", 1UL, 2L, 1L },
        { "minimum", 2.5, 3L, 2.5 },
        { "minimum", 3.5, 3L, 3L },
        { "maximum", 2L, 1.5, 2L },
        { "add", 1L, long.MaxValue, long.MinValue },
        { "divide", -1L, long.MinValue, long.MinValue },
        { "modulo", -1L, long.MinValue, 0L },
    };

    public static TheoryData<string, object?, object?, string> Errors => new()
    {
        { "divide", 0L, 1L, "runtime error: integer divide by zero" },
        { "modulo", 0L, 1L, "runtime error: integer divide by zero" },
        { "add", 1L, "x", "add: unknown type for \"x\" (string)" },
        { "subtract", "y", 1L, "subtract: unknown type for \"y\" (string)" },
        { "multiply", 1L, null, "multiply: unknown type for <invalid reflect.Value> (<nil>)" },
        { "modulo", 1.5, 3L, "modulo: unknown type for %!q(float64=1.5) (float64)" },
        { "modulo", 2L, 3.5, "modulo: unknown type for %!q(float64=3.5) (float64)" },
        { "maximum", true, 1L, "maximum: unknown type for %!q(bool=true) (bool)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Call_Numbers_ReturnGoKinds(string name, object? b, object? a, object expected)
    {
        var result = Call(name, b, a);

        Assert.Equal(expected, result);
        Assert.IsType(expected.GetType(), result);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Call_BadOperands_ThrowsGoText(string name, object? b, object? a, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => Call(name, b, a));

        Assert.Equal(message, e.Message);
    }

    private static object? Call(string name, object? b, object? a) => name switch
    {
        "add" => MathFunctions.Add(b, a),
        "subtract" => MathFunctions.Subtract(b, a),
        "multiply" => MathFunctions.Multiply(b, a),
        "divide" => MathFunctions.Divide(b, a),
        "modulo" => MathFunctions.Modulo(b, a),
        "minimum" => MathFunctions.Minimum(b, a),
        _ => MathFunctions.Maximum(b, a),
    };
}
