using InfraFunctions.Contracts;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Tests;

public sealed class SettingsInForceRulesTests
{
    [Fact]
    public void ARealisticListIsKept()
    {
        Assert.Null(EnvelopeRules.SettingsProblem(null));
        Assert.Null(EnvelopeRules.SettingsProblem([
            new SettingInForce("watch", string.Join(',', Enumerable.Range(0, 32).Select(i => new string('p', 63) + (char)('a' + (i % 26)))), "server", "tag env=prod"),
            new SettingInForce("top", "5", "file"),
            new SettingInForce("key_file", string.Empty, "default"),
        ]));
    }

    [Fact]
    public void EachBoundSaysWhichEntryAndFieldBrokeIt()
    {
        Assert.Contains("at most 64", EnvelopeRules.SettingsProblem(Enumerable.Range(0, 65).Select(i => new SettingInForce($"s{i}", "1", "file")).ToArray()), StringComparison.Ordinal);
        Assert.StartsWith("settings[1].value", EnvelopeRules.SettingsProblem([new("top", "5", "file"), new("watch", new string('x', 4097), "file")]), StringComparison.Ordinal);
        Assert.StartsWith("settings[0].name", EnvelopeRules.SettingsProblem([new(string.Empty, "5", "file")]), StringComparison.Ordinal);
        Assert.StartsWith("settings[0].source", EnvelopeRules.SettingsProblem([new("top", "5", "operator")]), StringComparison.Ordinal);
        Assert.StartsWith("settings[0].scope", EnvelopeRules.SettingsProblem([new("top", "5", "server", "host\n")]), StringComparison.Ordinal);
        Assert.Contains("the limit is 16384", EnvelopeRules.SettingsProblem(Enumerable.Range(0, 5).Select(i => new SettingInForce($"s{i}", new string('v', 4000), "file")).ToArray()), StringComparison.Ordinal);
    }
}
