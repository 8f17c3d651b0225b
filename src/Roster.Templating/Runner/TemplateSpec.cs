using System.Text.RegularExpressions;

namespace Roster.Templating.Runner;

/// <summary>
/// One <c>-template "src[:dst[:cmd]]"</c> flag. A null <see cref="Destination"/> means the runner prints to stdout;
/// a null <see cref="Command"/> means nothing runs after a write.
/// </summary>
public sealed partial record TemplateSpec(string Source, string? Destination, string? Command)
{
    /// <summary>consul-template's ErrTemplateStringEmpty, the only error its flag parser has.</summary>
    internal const string EmptyError = "template: cannot be empty";

    /// <summary>
    /// consul-template's ParseTemplateConfig (config/template.go), token for token. Its quirks are kept on purpose so a
    /// flag means what it meant to consul-template: a single letter before a colon is a Windows drive and sticks to the
    /// next token (<c>"a:b:c"</c> is source <c>a:b</c>, destination <c>c</c>); empty tokens vanish (<c>"::"</c> counts
    /// for nothing, so <c>"echo a::b"</c> runs <c>echo a:b</c>); tokens are not trimmed; tokens after the second are
    /// re-joined with ':' as the command, which keeps <c>http://host:8500/...</c> in a command intact.
    /// </summary>
    public static TemplateSpec Parse(string flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        if (string.IsNullOrWhiteSpace(flag))
        {
            throw new FormatException(EmptyError);
        }

        var parts = Token().Matches(flag).Select(m => m.Value).ToArray();
        return parts.Length switch
        {
            0 => throw new FormatException(EmptyError),
            1 => new TemplateSpec(parts[0], null, null),
            2 => new TemplateSpec(parts[0], parts[1], null),
            _ => new TemplateSpec(parts[0], parts[1], string.Join(':', parts[2..])),
        };
    }

    // Go's configTemplateRe. Every match is non-empty, so Go's FindAllString and .NET's Matches agree.
    [GeneratedRegex("([a-zA-Z]:)?([^:]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
