using System.Globalization;
using CsCheck;
using InfraFunctions.Core.Rules;

namespace InfraFunctions.Core.Tests.Rules;

public sealed class MetricPathTests
{
    [Theory]
    [InlineData("cpu.percent", "cpu.percent")]
    [InlineData("disk.percent{mount=/data}", "disk.percent{mount=/data}")]
    [InlineData("custom.queue{region=eu, queue=orders}", "custom.queue{queue=orders,region=eu}")]
    [InlineData("disk.percent{mount=\"/mnt/a,b\"}", "disk.percent{mount=\"/mnt/a,b\"}")]
    [InlineData("custom.x{k=\"say \\\"hi\\\"\"}", "custom.x{k=\"say \\\"hi\\\"\"}")]
    public void AMetricReadsIntoOneCanonicalTextWithSortedLabelsAndQuotesOnlyWhereNeeded(string text, string canonical)
    {
        Assert.True(MetricPath.TryParse(text, out var path, out var problem), problem);
        Assert.Equal(canonical, path.ToString());
    }

    [Fact]
    public void AQuotedValueKeepsItsCommaBraceQuoteAndEqualsSign()
    {
        Assert.True(MetricPath.TryParse("custom.x{a=\"1,2}=\\\"3\"}", out var path, out _));

        Assert.Equal("1,2}=\"3", path.Label("a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("cpu percent")]
    [InlineData("{mount=/}")]
    [InlineData("disk.percent{mount=/data")]
    [InlineData("disk.percent{}")]
    [InlineData("disk.percent{mount=}")]
    [InlineData("disk.percent{=/data}")]
    [InlineData("disk.percent{mount=/a,mount=/b}")]
    [InlineData("disk.percent{mo-unt=/a}")]
    [InlineData("disk.percent{mount=a{b}")]
    [InlineData("disk.percent{mount=\"/open}")]
    public void MalformedTextIsRefusedWithAProblemToShow(string text)
    {
        Assert.False(MetricPath.TryParse(text, out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void TextLongerThanTheLimitIsRefused()
    {
        Assert.False(MetricPath.TryParse("custom." + new string('a', MetricPath.MaxLength), out _, out var problem));
        Assert.Contains(MetricPath.MaxLength.ToString(CultureInfo.InvariantCulture), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyNameAndLabelsRoundTripThroughTheirTextWhateverTheValuesHold()
    {
        var name = Gen.String[Gen.Char["abcxyz09_.:"], 1, 20];
        var key = Gen.String[Gen.Char["abkz_09"], 1, 8];
        var value = Gen.String[Gen.Char[" ,{}\"=\\/az09é"], 1, 12];
        Gen.Select(name, Gen.Dictionary(key, value)[0, 4]).Sample((n, labels) =>
        {
            var path = MetricPath.Of(n, labels.Select(l => (l.Key, l.Value)).ToArray());
            var text = path.ToString();
            if (text.Length > MetricPath.MaxLength)
            {
                return true;
            }

            return MetricPath.TryParse(text, out var read, out _)
                && read.ToString() == text
                && read.Name == n
                && labels.All(l => read.Label(l.Key) == l.Value)
                && read.Labels.Count == labels.Count;
        });
    }
}
