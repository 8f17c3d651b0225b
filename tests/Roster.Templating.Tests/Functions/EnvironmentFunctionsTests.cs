using Roster.Templating.Functions;

namespace Roster.Templating.Tests.Functions;

public class EnvironmentFunctionsTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["CT_TEST"] = "2", ["SET_VAR"] = "400", ["EMPTY_VAR"] = "" };

    private readonly EnvironmentFunctions _env = new(name => Variables.GetValueOrDefault(name));

    [Fact]
    public void Env_SetAndUnset_ReturnsValueOrEmpty()
    {
        Assert.Equal("2", _env.Env("CT_TEST"));
        Assert.Equal("", _env.Env("UNSET_VAR"));
    }

    [Fact]
    public void EnvOrDefault_EmptyVersusUnset_DefaultsOnlyWhenUnset()
    {
        // template_test.go func_envOrDefault: "400  300".
        var output = $"{_env.EnvOrDefault("SET_VAR", "100")} {_env.EnvOrDefault("EMPTY_VAR", "200")} {_env.EnvOrDefault("UNSET_VAR", "300")}";

        Assert.Equal("400  300", output);
    }

    [Theory]
    [InlineData("EMPTY_VAR")]
    [InlineData("UNSET_VAR")]
    public void MustEnv_EmptyOrUnset_Throws(string name) =>
        Assert.Equal($"required environment variable {name} is empty", Assert.Throws<InvalidOperationException>(() => _env.MustEnv(name)).Message);
}
