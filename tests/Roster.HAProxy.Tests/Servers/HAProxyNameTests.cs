using Roster.HAProxy.Servers;

namespace Roster.HAProxy.Tests.Servers;

public class HAProxyNameTests
{
    [Theory]
    [InlineData("www")]
    [InlineData("www-host.example-20001-6f1c2a9e-1b2c-4d5e-8f90-0123456789ab")]
    [InlineData("a.b:c_d-E9")]
    [InlineData("-leading-dash")]
    [InlineData("x--0123456789a")] // 11 hex digits: not the mapped form
    public void From_AllowedCharacters_KeepsTheIdAsItIs(string id) => Assert.Equal(id, HAProxyName.From(id));

    [Theory]
    [InlineData("web/1", "web_1--")]
    [InlineData("a b", "a_b--")]
    [InlineData("é", "_--")]
    [InlineData("a@b+c=d,e%f~g", "a_b_c_d_e_f_g--")]
    public void From_OtherCharacters_MapsThemAndAddsAHash(string id, string prefix)
    {
        var name = HAProxyName.From(id);

        Assert.StartsWith(prefix, name, StringComparison.Ordinal);
        Assert.Matches("^[^-]*--[0-9a-f]{12}$", name);
        Assert.Equal(prefix.Length + 12, name.Length);
        Assert.True(HAProxyName.IsValid(name));
    }

    [Fact]
    public void From_IdsThatMapToTheSameCharacters_GetDifferentNames()
    {
        string[] ids = ["a/b", "a@b", "a b", "a_b", "a%b"];

        var names = ids.Select(HAProxyName.From).ToList();

        Assert.Equal(ids.Length, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void From_AnIdSpellingAnotherIdsMappedName_IsMappedItselfSoTheyDiffer()
    {
        var mapped = HAProxyName.From("a/b");

        var imitation = HAProxyName.From(mapped);

        Assert.NotEqual(mapped, imitation);
        Assert.StartsWith(mapped + "--", imitation, StringComparison.Ordinal);
    }

    [Fact]
    public void From_IsDeterministic() => Assert.Equal(HAProxyName.From("web/1"), HAProxyName.From("web/1"));

    [Fact]
    public void From_LongId_IsCutToMaxLengthAndStaysUnique()
    {
        var common = new string('a', 200);

        var first = HAProxyName.From(common + "1");
        var second = HAProxyName.From(common + "2");

        Assert.Equal(HAProxyName.MaxLength, first.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(new string('a', HAProxyName.MaxLength), HAProxyName.From(new string('a', HAProxyName.MaxLength)));
    }

    [Fact]
    public void From_UnpairedSurrogates_HashByCodeUnit()
    {
        // Both would become U+FFFD in UTF-8; hashing the code units keeps them apart.
        Assert.NotEqual(HAProxyName.From("a\uD800"), HAProxyName.From("a\uD801"));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("www", true)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("a#b", false)]
    public void IsValid_FollowsHAProxysNameCharacters(string name, bool valid) => Assert.Equal(valid, HAProxyName.IsValid(name));
}
