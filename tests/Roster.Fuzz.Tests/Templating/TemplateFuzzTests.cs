using Roster.Testing.Reliability;

namespace Roster.Fuzz.Tests.Templating;

/// <summary>
/// The template lexer, parser and evaluator over random and mutated templates: every case ends in output or in a
/// positioned <see cref="Roster.Templating.Execution.TemplateException"/>, within a time bound, without a stack overflow.
/// </summary>
[Trait(ReliabilityKind.Trait, ReliabilityKind.Fuzz)]
public sealed class TemplateFuzzTests
{
    [Fact]
    public void ParseAndExecute_MutatedTemplates_OnlyPositionedTemplateErrors()
    {
        var run = FuzzRun.Sample(TemplateGen.Mutated, Check, seed: "9UTurB-iDMo1", iter: FuzzScale.Iterations(20_000), print: Show);
        ReliabilityLog.Record<TemplateFuzzTests>(ReliabilityKind.Fuzz,
            $"mutated templates from {TemplateSeeds.Templates.Count} seeds, 1-6 token edits each, parsed and executed with a {TemplateRun.Bound.TotalSeconds:0} s limit",
            run.Cases, "templates", run.Failed, run.Note);
        run.ThrowIfFailed();
    }

    [Fact]
    public void ParseAndExecute_TemplatesFromTokens_OnlyPositionedTemplateErrors()
    {
        var run = FuzzRun.Sample(TemplateGen.FromTokens, Check, seed: "3NKYTb_BfwL2", iter: FuzzScale.Iterations(20_000), print: Show);
        ReliabilityLog.Record<TemplateFuzzTests>(ReliabilityKind.Fuzz,
            $"templates of 1-30 tokens drawn from {TemplateGen.Tokens.Length} lexer/parser tokens, parsed and executed with a {TemplateRun.Bound.TotalSeconds:0} s limit",
            run.Cases, "templates", run.Failed, run.Note);
        run.ThrowIfFailed();
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
