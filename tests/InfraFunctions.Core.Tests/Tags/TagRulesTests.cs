using InfraFunctions.Core.Tags;

namespace InfraFunctions.Core.Tests.Tags;

public sealed class TagRulesTests
{
    [Theory]
    [InlineData("env", "prod")]
    [InlineData("team.name", "Core DB (eu-west) ✓")]
    [InlineData("a-b_c.9", "x")]
    public void WellFormedTagsPass(string key, string value) => Assert.Empty(TagRules.Check(new Dictionary<string, string> { [key] = value }));

    [Theory]
    [InlineData("9env", "x", "must start with a letter")]
    [InlineData("env:x", "x", "only letters, digits")]
    [InlineData("env", "", "1-128 characters")]
    [InlineData("env", "tab\there", "control characters")]
    public void ABadTagIsNamedUnderItsField(string key, string value, string problem)
    {
        var errors = TagRules.Check(new Dictionary<string, string> { [key] = value }, "scope.tags");

        Assert.Contains(problem, Assert.Single(errors[$"scope.tags.{key}"]), StringComparison.Ordinal);
    }

    [Fact]
    public void AValueWithABrokenSurrogatePairIsRefused() =>
        Assert.Contains("broken surrogate pair", Assert.Single(TagRules.Check(new Dictionary<string, string> { ["env"] = "a" + (char)0xD800 + "b" })["tags.env"]), StringComparison.Ordinal);

    [Fact]
    public void KeysAndValuesHaveTheirLengthLimitsAndAHostAtMostThirtyTwoTags()
    {
        Assert.Empty(TagRules.Check(new Dictionary<string, string> { ["k" + new string('x', 63)] = new string('v', 128) }));
        Assert.Contains("tags.k" + new string('x', 64), TagRules.Check(new Dictionary<string, string> { ["k" + new string('x', 64)] = "v" }).Keys);
        Assert.Contains("tags.k", TagRules.Check(new Dictionary<string, string> { ["k"] = new string('v', 129) }).Keys);
        Assert.Empty(TagRules.Check(Enumerable.Range(0, 32).ToDictionary(i => $"k{i}", _ => "v")));
        Assert.Contains("at most 32", Assert.Single(TagRules.Check(Enumerable.Range(0, 33).ToDictionary(i => $"k{i}", _ => "v"))["tags"]), StringComparison.Ordinal);
    }

    [Fact]
    public void TheAgentAndTheServerJudgeATagAlike()
    {
        foreach (var (key, value) in new[] { ("env", "prod"), ("9env", "x"), ("env", ""), ("e", "a\u0001") })
        {
            var server = TagRules.Check(new Dictionary<string, string> { [key] = value });
            Assert.Equal(server.Count == 0, Contracts.TagSyntax.Problem(key, value) is null);
        }
    }

    [Theory]
    [InlineData("env:prod", "env", "prod")]
    [InlineData("url:https://x.example:8443/", "url", "https://x.example:8443/")]
    public void ASelectorIsKeyColonValueSplitAtTheFirstColon(string text, string key, string value) =>
        Assert.Equal(new KeyValuePair<string, string>(key, value), TagRules.ParseSelector(text));

    [Theory]
    [InlineData("env")]
    [InlineData(":prod")]
    [InlineData("env:")]
    [InlineData("9env:prod")]
    public void ASelectorThatIsNotAValidTagIsRefused(string text) => Assert.Null(TagRules.ParseSelector(text));
}
