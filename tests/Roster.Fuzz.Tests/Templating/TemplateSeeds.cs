using System.Text.RegularExpressions;
using Roster.Testing.Repository;

namespace Roster.Fuzz.Tests.Templating;

/// <summary>
/// Starting points for mutation: the templates the repository already knows to be interesting, that is the seed's
/// own templates and every string literal with an action in the templating tests (Go's exec/parse tables included).
/// </summary>
internal static partial class TemplateSeeds
{
    private static readonly Lazy<IReadOnlyList<string>> All = new(Load);

    public static IReadOnlyList<string> Templates => All.Value;

    private static string[] Load()
    {
        var examples = Directory.GetFiles(RepositoryRoot.Combine("examples"), "*.template", SearchOption.AllDirectories)
            .Select(File.ReadAllText);
        var literals = Directory.GetFiles(RepositoryRoot.Combine("tests", "Roster.Templating.Tests"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => StringLiteral().Matches(File.ReadAllText(file)))
            .Select(m => Unescape(m.Groups[1].Value))
            .Where(text => text.Contains("{{", StringComparison.Ordinal));
        var seeds = examples.Concat(literals).Distinct(StringComparer.Ordinal).ToArray();
        // Too few means the scan broke, and the fuzzer would mutate next to nothing.
        return seeds.Length >= 100 ? seeds : throw new InvalidOperationException($"only {seeds.Length} template seeds found");
    }

    private static string Unescape(string literal)
    {
        try
        {
            return Regex.Unescape(literal);
        }
        catch (RegexParseException)
        {
            // An escape Regex does not know (rare in C#): the raw text is as good a seed.
            return literal;
        }
    }

    /// <summary>A plain C# string literal ("…" with backslash escapes), good enough to lift the test tables.</summary>
    [GeneratedRegex("""(?<![@$])"((?:[^"\\\r\n]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex StringLiteral();
}
