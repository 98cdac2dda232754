using InfraFunctions.Core.Storage;
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

    [Fact]
    public void A128CharacterIdThatTakesTooManyKeyUnitsIsRefusedNamingTheKeyLimit()
    {
        // 128 graphemes of a letter and 20 combining marks each: 2,688 UTF-16 code units.
        var id = string.Concat(Enumerable.Repeat("e" + new string('\u0301', 20), 128));
        Assert.Equal(2688, id.Length);

        var error = HostIdRules.Validate(id);

        Assert.NotNull(error);
        Assert.Contains($"the limit is {HostIdRules.MaxKeyLength}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PercentEncodedCharactersCountThreeTowardsTheKeyLimit()
    {
        // A slash with a combining mark: one character, two UTF-16 code units, four once the slash is encoded.
        var atLimit = string.Concat(Enumerable.Repeat("/\u0301", HostIdRules.MaxKeyLength / 4));

        Assert.Null(HostIdRules.Validate(atLimit));
        Assert.Contains("takes 484 UTF-16 code units as a table key", HostIdRules.Validate(atLimit + "/\u0301"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheLongestAcceptedIdFitsEveryKeyItIsPartOf()
    {
        // 120 graphemes of a letter and three combining marks: exactly the key limit.
        var atLimit = string.Concat(Enumerable.Repeat("e\u0301\u0301\u0301", 120));

        Assert.Null(HostIdRules.Validate(atLimit));
        Assert.NotNull(HostIdRules.Validate(atLimit + "\u0301"));
        Assert.Equal(HostIdRules.MaxKeyLength, TableKeys.EncodeHostId(atLimit).Length);
        // The longest composite key: a 19-digit time row key, a separator and the encoded id.
        Assert.True(TableKeys.TimeRowKey(DateTimeOffset.MaxValue).Length + 1 + HostIdRules.MaxKeyLength <= TableLimits.MaxKeyChars);
    }
}
