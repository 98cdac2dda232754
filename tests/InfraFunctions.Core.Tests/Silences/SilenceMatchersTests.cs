using InfraFunctions.Core.Silences;
using InfraFunctions.Core.Tags;

namespace InfraFunctions.Core.Tests.Silences;

public sealed class SilenceMatchersTests
{
    private static readonly HostTags ProdDb = new(
        new Dictionary<string, string> { ["role"] = "db" },
        new Dictionary<string, string>(),
        new Dictionary<string, string> { ["env"] = "prod" });

    [Fact]
    public void EveryMatcherGivenMustMatchTheAlertsHostRuleAndTheHostsTagsNow()
    {
        var byHost = new SilenceMatchers(Host: "db-01");
        var byTags = new SilenceMatchers(Tags: new Dictionary<string, string> { ["env"] = "prod", ["role"] = "db" });
        var byRule = new SilenceMatchers(RuleId: "builtin-cpu");
        var all = new SilenceMatchers("db-01", new Dictionary<string, string> { ["env"] = "prod" }, "builtin-cpu");

        Assert.True(byHost.Matches("db-01", "builtin-memory", HostTags.None));
        Assert.False(byHost.Matches("db-02", "builtin-memory", ProdDb));
        Assert.True(byTags.Matches("db-02", "rule-0123456789ab", ProdDb));
        Assert.False(byTags.Matches("db-02", "rule-0123456789ab", HostTags.None));
        Assert.True(byRule.Matches("web-01", "builtin-cpu", HostTags.None));
        Assert.False(byRule.Matches("web-01", "builtin-disk", HostTags.None));
        Assert.True(all.Matches("db-01", "builtin-cpu", ProdDb));
        Assert.False(all.Matches("db-01", "builtin-cpu", HostTags.None));
        Assert.False(all.Matches("db-01", "builtin-disk", ProdDb));
    }

    [Fact]
    public void ASilenceWithNoMatcherMatchesNothing()
    {
        Assert.False(new SilenceMatchers().Matches("db-01", "builtin-cpu", ProdDb));
        Assert.False(new SilenceMatchers(Tags: new Dictionary<string, string>()).Matches("db-01", "builtin-cpu", ProdDb));
    }
}
