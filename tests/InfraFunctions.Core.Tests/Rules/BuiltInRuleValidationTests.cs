using InfraFunctions.Core.Options;
using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Tests.Rules;

public sealed class BuiltInRuleValidationTests
{
    private static RuleValidation WithChannels(params string[] ids) => new([new KnownChannels(ids)]);

    [Fact]
    public async Task ABuiltInRuleMayChangeHowItNotifiesButNotWhatItWatches()
    {
        var alerts = new AlertOptions();
        var builtIn = BuiltInRules.Thresholds(new ThresholdOptions(), alerts)[0];
        var validation = WithChannels("ch-0123456789ab");

        var changed = await validation.CheckBuiltInAsync(new RuleDraft("CPU busy", builtIn.Metric, new RuleScopeDraft(), builtIn.Condition, builtIn.Warning, builtIn.Critical, 120, 2, ["ch-0123456789ab"], 30, false), builtIn, alerts);
        Assert.True(changed.IsValid);
        Assert.Equal(("CPU busy", 120, 2.0, 30, false, true), (changed.Rule!.Name, changed.Rule.DurationSeconds, changed.Rule.ClearMargin, changed.Rule.RenotifyMinutes, changed.Rule.Enabled, changed.Rule.BuiltIn));

        var refused = await validation.CheckBuiltInAsync(new RuleDraft(Metric: "memory.percent", Scope: new RuleScopeDraft("web-1"), Condition: RuleConditions.Below, Warning: 1, Critical: 2), builtIn, alerts);
        Assert.Equal(["condition", "critical", "metric", "scope", "warning"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Thresholds__", refused.Errors["warning"][0], StringComparison.Ordinal);
        Assert.Contains("/thresholds", refused.Errors["critical"][0], StringComparison.Ordinal);

        var reset = await validation.CheckBuiltInAsync(new RuleDraft(), builtIn, alerts);
        Assert.Equal((builtIn.Name, alerts.DurationSeconds, alerts.HysteresisPoints, true), (reset.Rule!.Name, reset.Rule.DurationSeconds, reset.Rule.ClearMargin, reset.Rule.Enabled));
    }
}
