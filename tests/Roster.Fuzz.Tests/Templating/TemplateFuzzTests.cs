using CsCheck;

namespace Roster.Fuzz.Tests.Templating;

/// <summary>
/// The template lexer, parser and evaluator over random and mutated templates: every case ends in output or in a
/// positioned <see cref="Roster.Templating.Execution.TemplateException"/>, within a time bound, without a stack overflow.
/// </summary>
public sealed class TemplateFuzzTests
{
    [Fact]
    public void ParseAndExecute_MutatedTemplates_OnlyPositionedTemplateErrors()
    {
        TemplateGen.Mutated.Sample(Check, iter: FuzzScale.Iterations(20_000), print: Show);
    }

    [Fact]
    public void ParseAndExecute_TemplatesFromTokens_OnlyPositionedTemplateErrors()
    {
        TemplateGen.FromTokens.Sample(Check, iter: FuzzScale.Iterations(20_000), print: Show);
    }

    private static void Check(string text)
    {
        if (TemplateRun.Problem(text) is { } problem)
        {
            Assert.Fail(problem);
        }
    }

    /// <summary>What CsCheck prints for the failing (shrunk) case: the template as a C# literal, and what it did.</summary>
    private static string Show(string text) => $"{System.Text.Json.JsonSerializer.Serialize(text)} -> {TemplateRun.Problem(text)}";
}
