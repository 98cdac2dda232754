using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Tests.Rules;

public sealed class RuleValidationTests
{
    private static readonly RuleDraft Good = new("Data disk filling up", "disk.percent{mount=/data}", new RuleScopeDraft(Tags: new Dictionary<string, string> { ["env"] = "prod" }),
        RuleConditions.Above, 80, 95, 300, 5, [], 0);

    private static RuleValidation WithChannels(params string[] ids) => new([new KnownChannels(ids)]);

    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(RuleDraft draft, RuleValidation? validation = null) =>
        (await (validation ?? WithChannels("ch-0123456789ab")).CheckAsync(draft)).Errors;

    [Fact]
    public async Task AGoodRuleIsAcceptedWithItsMetricInCanonicalFormAndTheDefaultsFilledIn()
    {
        var check = await WithChannels().CheckAsync(new RuleDraft(" Busy nginx ", "process.cpu_percent{ name=nginx}", null, RuleConditions.Above, Critical: 90));

        Assert.Empty(check.Errors);
        var rule = check.Rule!;
        Assert.Equal(("Busy nginx", "process.cpu_percent{name=nginx}", RuleScope.All), (rule.Name, rule.Metric, rule.Scope));
        Assert.Equal((null, 90.0), (rule.Warning, rule.Critical));
        Assert.Equal((RuleValidation.DefaultDurationSeconds, 0.0, 0, true), (rule.DurationSeconds, rule.ClearMargin, rule.RenotifyMinutes, rule.Enabled));
        Assert.Empty(rule.Channels);
    }

    [Theory]
    [InlineData(null, "name")]
    [InlineData("", "name")]
    [InlineData("   ", "name")]
    public async Task ANameIsRequired(string? name, string field)
    {
        Assert.Contains(field, (await ErrorsAsync(Good with { Name = name })).Keys);
    }

    [Fact]
    public async Task ANameLongerThan100CharactersOrWithControlCharactersIsRefused()
    {
        Assert.Contains("name", (await ErrorsAsync(Good with { Name = new string('n', 101) })).Keys);
        Assert.Contains("name", (await ErrorsAsync(Good with { Name = "two\nlines" })).Keys);
        Assert.Empty(await ErrorsAsync(Good with { Name = new string('n', 100) }));
    }

    [Fact]
    public async Task APreviewNeedsNoName()
    {
        var check = await WithChannels().CheckAsync(Good with { Name = null }, preview: true);

        Assert.True(check.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("disk.percent{mount=/data")]
    [InlineData("gpu.percent")]
    [InlineData("process.cpu_percent")]
    [InlineData("cpu.percent{core=1}")]
    public async Task AMetricThatDoesNotParseOrIsNotKnownIsRefusedUnderMetric(string? metric)
    {
        var errors = await ErrorsAsync(Good with { Metric = metric });

        Assert.Equal(["metric"], errors.Keys);
        Assert.False(string.IsNullOrWhiteSpace(errors["metric"][0]));
    }

    [Fact]
    public async Task AScopeWithBothAHostAndTagsIsRefused()
    {
        var errors = await ErrorsAsync(Good with { Scope = new RuleScopeDraft("web-1", new Dictionary<string, string> { ["env"] = "prod" }) });

        Assert.Equal(["scope"], errors.Keys);
    }

    [Fact]
    public async Task ABadHostOrTagInTheScopeIsNamedByItsPath()
    {
        Assert.Equal(["scope.host"], (await ErrorsAsync(Good with { Scope = new RuleScopeDraft("bad\u0001host") })).Keys);
        Assert.Equal(["scope.tags.1env"], (await ErrorsAsync(Good with { Scope = new RuleScopeDraft(Tags: new Dictionary<string, string> { ["1env"] = "prod" }) })).Keys);
        Assert.Equal(["scope.tags.env"], (await ErrorsAsync(Good with { Scope = new RuleScopeDraft(Tags: new Dictionary<string, string> { ["env"] = "" }) })).Keys);
    }

    [Fact]
    public async Task AnEmptyTagSelectorMeansEveryHost()
    {
        var check = await WithChannels().CheckAsync(Good with { Scope = new RuleScopeDraft(Tags: new Dictionary<string, string>()) });

        Assert.Equal(RuleScope.All, check.Rule!.Scope);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("over")]
    [InlineData("Above")]
    public async Task AConditionOtherThanAboveOrBelowIsRefused(string? condition)
    {
        Assert.Equal(["condition"], (await ErrorsAsync(Good with { Condition = condition })).Keys);
    }

    [Fact]
    public async Task ARuleWithNoLevelIsRefusedUnderBothLevels()
    {
        Assert.Equal(["critical", "warning"], (await ErrorsAsync(Good with { Warning = null, Critical = null })).Keys.Order());
    }

    [Theory]
    [InlineData(double.NaN, 95, "warning")]
    [InlineData(80, double.PositiveInfinity, "critical")]
    public async Task ALevelThatIsNotFiniteIsRefused(double warning, double critical, string field)
    {
        Assert.Equal([field], (await ErrorsAsync(Good with { Warning = warning, Critical = critical })).Keys);
    }

    [Theory]
    [InlineData(RuleConditions.Above, 95, 80)]
    [InlineData(RuleConditions.Above, 90, 90)]
    [InlineData(RuleConditions.Below, 5, 10)]
    [InlineData(RuleConditions.Below, 10, 10)]
    public async Task TheWarningLevelMustComeBeforeTheCriticalOneInTheRulesDirection(string condition, double warning, double critical)
    {
        var errors = await ErrorsAsync(Good with { Condition = condition, Warning = warning, Critical = critical });

        Assert.Equal(["warning"], errors.Keys);
        Assert.Contains(condition, errors["warning"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABelowRuleWithWarningAboveCriticalIsAccepted()
    {
        Assert.Empty(await ErrorsAsync(Good with { Metric = "disk.free_gb{mount=/data}", Condition = RuleConditions.Below, Warning = 20, Critical = 5 }));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(86_401L)]
    public async Task ADurationOutside0To86400SecondsIsRefused(long seconds)
    {
        Assert.Equal(["duration_seconds"], (await ErrorsAsync(Good with { DurationSeconds = seconds })).Keys);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public async Task ANegativeOrNonFiniteClearMarginIsRefused(double margin)
    {
        Assert.Equal(["clear_margin"], (await ErrorsAsync(Good with { ClearMargin = margin })).Keys);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(10_081L)]
    public async Task ARenotifyIntervalOutside0To10080MinutesIsRefused(long minutes)
    {
        Assert.Equal(["renotify_minutes"], (await ErrorsAsync(Good with { RenotifyMinutes = minutes })).Keys);
    }

    [Fact]
    public async Task ChannelsMustExistBeNamedOnceAndBeAtMost20()
    {
        var validation = WithChannels([.. Enumerable.Range(0, 21).Select(i => $"ch-{i:x12}")]);

        Assert.Empty(await ErrorsAsync(Good with { Channels = ["ch-000000000001", "ch-000000000002"] }, validation));
        var unknown = await ErrorsAsync(Good with { Channels = ["ch-000000000001", "ch-ffffffffffff"] }, validation);
        Assert.Equal(["channels"], unknown.Keys);
        Assert.Contains("'ch-ffffffffffff' (channels[1])", unknown["channels"][0], StringComparison.Ordinal);
        Assert.Equal(["channels"], (await ErrorsAsync(Good with { Channels = ["ch-000000000001", "ch-000000000001"] }, validation)).Keys);
        Assert.Equal(["channels"], (await ErrorsAsync(Good with { Channels = [.. Enumerable.Range(0, 21).Select(i => $"ch-{i:x12}")] }, validation)).Keys);
    }

    [Fact]
    public async Task WithoutAnyChannelDirectoryNoChannelExistsSoNamingOneIsRefused()
    {
        var validation = new RuleValidation([]);

        Assert.Empty(await ErrorsAsync(Good with { Channels = [] }, validation));
        var errors = await ErrorsAsync(Good with { Channels = ["config-slack-1"] }, validation);
        Assert.Contains("No notification channels exist", errors["channels"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryProblemOfARuleIsReportedAtOnce()
    {
        var errors = await ErrorsAsync(new RuleDraft(null, "gpu", null, "over", null, null, -1, -1, ["nope"], -1));

        Assert.Equal(["channels", "clear_margin", "condition", "critical", "duration_seconds", "metric", "name", "renotify_minutes", "warning"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
