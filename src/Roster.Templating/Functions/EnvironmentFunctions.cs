namespace Roster.Templating.Functions;

/// <summary>consul-template's env, envOrDefault and mustEnv over one lookup (the template's custom env first, then the process's).</summary>
internal sealed class EnvironmentFunctions(Func<string, string?> environment)
{
    /// <summary>The variable's value; "" when unset.</summary>
    public string Env(string name) => environment(name) ?? "";

    /// <summary>The variable's value even when empty; <paramref name="fallback"/> only when unset.</summary>
    public string EnvOrDefault(string name, string fallback) => environment(name) ?? fallback;

    /// <summary>The variable's value; an error when it is unset or empty.</summary>
    public string MustEnv(string name)
    {
        var value = environment(name);
        return string.IsNullOrEmpty(value) ? throw new InvalidOperationException($"required environment variable {name} is empty") : value;
    }
}
