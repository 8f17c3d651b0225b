using Roster.Templating.Rendering;

namespace Roster.Templating.Tests.Rendering;

/// <summary>The latest data per dependency; an equal answer is not a change (consul-api.md §3.3).</summary>
public sealed class BrainTests
{
    private sealed record Item(string Name, int Port);

    [Fact]
    public void Remember_FirstValue_IsAChange()
    {
        var brain = new Brain();

        Assert.True(brain.Remember("k", new List<Item> { new("a", 1) }));
        Assert.True(brain.TryRecall("k", out var value));
        Assert.Equal([new Item("a", 1)], (List<Item>)value!);
    }

    [Fact]
    public void Remember_EqualValueInANewList_IsNoChange()
    {
        var brain = new Brain();
        brain.Remember("k", new List<Item> { new("a", 1) });

        Assert.False(brain.Remember("k", new List<Item> { new("a", 1) }));
        Assert.True(brain.Remember("k", new List<Item> { new("a", 2) }));
    }

    [Fact]
    public void Forget_ThenRecall_HasNothing()
    {
        var brain = new Brain();
        brain.Remember("k", "v");

        brain.Forget("k");

        Assert.False(brain.TryRecall("k", out _));
        Assert.True(brain.Remember("k", "v"));
    }
}
