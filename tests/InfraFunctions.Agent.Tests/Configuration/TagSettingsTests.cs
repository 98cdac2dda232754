
namespace InfraFunctions.Agent.Tests.Configuration;

public sealed class TagSettingsTests : IDisposable
{
    private readonly ConfigurationDirectory directory = new();

    [Fact]
    public void AnAgentHasNoTagsUnlessTheyAreSet() => Assert.Empty(directory.Load([]).Tags);

    [Fact]
    public void TagsAreAnObjectInTheFile()
    {
        var file = directory.WriteConfig("""{"tags": {"env": "prod", "team.name": "db ops", "rack": 7}}""");

        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["rack"] = "7", ["team.name"] = "db ops" }, directory.Load(["--config", file]).Tags);
    }

    [Fact]
    public void TheEnvironmentAndRepeatedFlagsReplaceTheFilesTags()
    {
        var file = directory.WriteConfig("""{"tags": {"env": "prod", "zone": "a"}}""");

        var fromEnvironment = directory.Load(["--config", file], ("INFRA_AGENT_TAGS", "env=staging, role=db,,url=https://x.example/?a=b"));
        var fromFlags = directory.Load(["--config", file, "--tag", "env=dev", "--tag=role=web"], ("INFRA_AGENT_TAGS", "env=staging"));
        var blankEnvironment = directory.Load(["--config", file], ("INFRA_AGENT_TAGS", " "));

        Assert.Equal(new Dictionary<string, string> { ["env"] = "staging", ["role"] = "db", ["url"] = "https://x.example/?a=b" }, fromEnvironment.Tags);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "dev", ["role"] = "web" }, fromFlags.Tags);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["zone"] = "a" }, blankEnvironment.Tags);
    }

    [Theory]
    [InlineData("9env=prod", "bad tag '9env'", "must start with a letter")]
    [InlineData("env=", "bad tag 'env'", "1-128 characters")]
    [InlineData("env", "'env', which is not key=value", "INFRA_AGENT_TAGS")]
    [InlineData("env=prod,env=dev", "tag 'env' twice", "one value per key")]
    [InlineData("team name=x", "bad tag 'team name'", "only letters, digits")]
    public void ABadTagInTheEnvironmentRefusesTheStartNamingIt(string tags, string names, string problem)
    {
        var error = Assert.Throws<AgentConfigurationException>(() => directory.Load([], ("INFRA_AGENT_TAGS", tags)));

        Assert.StartsWith("Invalid configuration: 'tags'", error.Message, StringComparison.Ordinal);
        Assert.Contains(names, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"tags": {"env": null}}""", "gives tag 'env' no text value")]
    [InlineData("""{"tags": {"env": {"name": "prod"}}}""", "gives tag 'env' no text value")]
    [InlineData("""{"tags": {"env": "line\nbreak"}}""", "control characters")]
    public void ABadTagInTheFileRefusesTheStartNamingIt(string json, string problem)
    {
        var file = directory.WriteConfig(json);

        var error = Assert.Throws<AgentConfigurationException>(() => directory.Load(["--config", file]));

        Assert.Contains("'env'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreTagsThanAHostMayHaveRefuseTheStart()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => directory.Load([], ("INFRA_AGENT_TAGS", string.Join(",", Enumerable.Range(0, 33).Select(i => $"k{i}=v")))));

        Assert.Contains("33 tags; a host may have at most 32", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();
}
