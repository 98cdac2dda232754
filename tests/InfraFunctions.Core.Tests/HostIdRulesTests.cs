using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Tests;

public sealed class HostIdRulesTests
{
    [Theory]
    [InlineData("web-1")]
    [InlineData("a/b\\c#d?e")]
    [InlineData("東京-node")]
    [InlineData("🚀")]
    public void PrintableIdsAreAccepted(string id) => Assert.Null(HostIdRules.Validate(id));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    [InlineData("new\nline")]
    [InlineData("nul\0")]
    public void EmptyOrControlCharacterIdsAreRefused(string id) => Assert.NotNull(HostIdRules.Validate(id));

    [Fact]
    public void IdsLongerThan128CharactersAreRefused()
    {
        Assert.Null(HostIdRules.Validate(new string('h', 128)));
        Assert.Contains("129", HostIdRules.Validate(new string('h', 129)), StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenSurrogatePairsAreRefused() => Assert.NotNull(HostIdRules.Validate("bad\uD800"));
}
