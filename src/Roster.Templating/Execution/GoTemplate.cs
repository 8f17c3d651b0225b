using Roster.Templating.Parsing;

namespace Roster.Templating.Execution;

/// <summary>A parsed Go text/template set: the named template plus the templates its define and block actions declare.</summary>
public sealed class GoTemplate
{
    private readonly IReadOnlyDictionary<string, TemplateTree> _trees;
    private readonly FunctionTable _functions;

    private readonly MissingKey _missingKey;
    private readonly long _maxSteps;

    private GoTemplate(string name, IReadOnlyDictionary<string, TemplateTree> trees, FunctionTable functions, MissingKey missingKey, long maxSteps = Evaluator.DefaultMaxSteps)
    {
        _maxSteps = maxSteps;
        Name = name;
        _trees = trees;
        _functions = functions;
        _missingKey = missingKey;
    }

    /// <summary>The name the template was parsed as; it appears in every error message.</summary>
    public string Name { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="TemplateException"/> with Go's parse error message.</summary>
    public static GoTemplate Parse(string name, string text, FunctionTable functions, string leftDelimiter = "{{", string rightDelimiter = "}}")
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(functions);
        var trees = Parser.Parse(name, text, functions.Contains, leftDelimiter, rightDelimiter);
        return new GoTemplate(name, trees, functions, MissingKey.Default);
    }

    /// <summary>Executes the template with <paramref name="data"/> as dot, writing to <paramref name="output"/>.</summary>
    public void Execute(TextWriter output, object? data) => ExecuteTemplate(output, Name, data);

    /// <summary>Executes the template with <paramref name="data"/> as dot and returns the text.</summary>
    public string Execute(object? data)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Execute(writer, data);
        return writer.ToString();
    }

    /// <summary>Go's ExecuteTemplate: runs one of the set's templates by name (consul-template's executeTemplate needs it).</summary>
    internal void ExecuteTemplate(TextWriter output, string name, object? data)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!_trees.TryGetValue(name, out var tree))
        {
            throw new TemplateException($"template: no template {Parsing.GoQuote.Quote(name)} associated with template {Parsing.GoQuote.Quote(Name)}", Name, 0, 0);
        }

        new Evaluator(_trees, _functions, output, tree, _missingKey, _maxSteps).Execute(data);
    }

    /// <summary>Go's Option("missingkey=…"): the same parsed set, executed with another missing-key rule.</summary>
    internal GoTemplate WithMissingKey(MissingKey missingKey) => new(Name, _trees, _functions, missingKey, _maxSteps);

    /// <summary>The same parsed set with another budget of range iterations and template calls (tests and fuzzing use a small one).</summary>
    internal GoTemplate WithMaxSteps(long maxSteps) => new(Name, _trees, _functions, _missingKey, maxSteps);

    internal bool HasTemplate(string name) => _trees.ContainsKey(name);
}
