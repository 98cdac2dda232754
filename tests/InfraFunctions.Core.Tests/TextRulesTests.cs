using InfraFunctions.Core.Validation;

namespace InfraFunctions.Core.Tests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("ext4", 4)]
    [InlineData("東京", 6)]
    [InlineData("🚀", 4)]
    public void TextWithinItsLimitInUtf8BytesPasses(string text, int maxBytes) => Assert.Null(TextRules.Check(text, maxBytes));

    [Theory]
    [InlineData("ext4", 3, "is 4 bytes long in UTF-8; the limit is 3 bytes.")]
    [InlineData("東京", 5, "is 6 bytes long in UTF-8; the limit is 5 bytes.")]
    public void TextOverItsLimitIsRefusedSayingByHowMuch(string text, int maxBytes, string problem) =>
        Assert.Equal(problem, TextRules.Check(text, maxBytes));

    // Lone surrogates built in code: test-case attributes do not carry them intact.
    [Fact]
    public void TextThatIsNotWellFormedUnicodeIsRefusedSayingWhere()
    {
        Assert.Equal("contains a broken surrogate pair at position 1; send well-formed Unicode.", TextRules.Check("a" + (char)0xD800 + "b", 64));
        Assert.Equal("contains a broken surrogate pair at position 0; send well-formed Unicode.", TextRules.Check(((char)0xDE80).ToString(), 64));
        Assert.Null(TextRules.Check("🚀", 64));
    }
}
