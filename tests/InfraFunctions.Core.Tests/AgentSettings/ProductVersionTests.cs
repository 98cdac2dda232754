using InfraFunctions.Core.AgentSettings;

namespace InfraFunctions.Core.Tests.AgentSettings;

public sealed class ProductVersionTests
{
    [Theory]
    [InlineData("0.1.0", "0.2.0", true)]
    [InlineData("0.2.0", "0.2.0", false)]
    [InlineData("0.2", "0.2.0", false)]
    [InlineData("0.10.0", "0.9.0", false)] // numeric, not text, order
    [InlineData("0.9.0", "0.10.0", true)]
    [InlineData("0.1.9-beta+abc", "0.2.0", true)]
    [InlineData("v0.1.0", "0.2.0", true)]
    [InlineData("1.0.0", "0.2.0", false)]
    [InlineData("dev", "0.2.0", false)] // unparsable: shown, never flagged
    [InlineData("", "0.2.0", false)]
    [InlineData("0.1.0", "unknown", false)]
    public void AnAgentIsOutdatedOnlyWhenItsNumericVersionIsBelowTheDeployments(string agent, string deployment, bool outdated) =>
        Assert.Equal(outdated, ProductVersion.IsOlder(agent, deployment));

    [Fact]
    public void TheProductVersionIsTheOneInDirectoryBuildPropsWithoutBuildMetadata()
    {
        var props = File.ReadAllText(Path.Combine(Testing.RepoPaths.Root, "Directory.Build.props"));
        var declared = System.Text.RegularExpressions.Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;
        Assert.Equal(declared, ProductVersion.Of(typeof(ProductVersion).Assembly));
    }
}
