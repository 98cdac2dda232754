using CsCheck;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Core.Tests;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("web-1")]
    [InlineData("rack/7\\node#3?x")]
    [InlineData("it's \"quoted\"")]
    [InlineData("100% busy")]
    [InlineData("host-ünïcødé-東京-🚀")]
    [InlineData("%2F")]
    public void HostIdsRoundTripThroughKeyEncoding(string hostId)
    {
        var key = TableKeys.EncodeHostId(hostId);

        Assert.Equal(hostId, TableKeys.DecodeHostId(key));
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Fact]
    public void EveryPrintableStringRoundTripsAndYieldsALegalKey()
    {
        Gen.String[Gen.Char[' ', '\uD7FF'], 1, 128].Sample(id =>
        {
            var key = TableKeys.EncodeHostId(id);
            return TableKeys.DecodeHostId(key) == id && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
        });
    }

    [Fact]
    public void DistinctHostIdsNeverShareAKey()
    {
        Assert.NotEqual(TableKeys.EncodeHostId("a/b"), TableKeys.EncodeHostId("a%2Fb"));
    }

    [Fact]
    public void TimeRowKeysSortInTimeOrder()
    {
        var early = TableKeys.TimeRowKey(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var late = TableKeys.TimeRowKey(new DateTimeOffset(2026, 1, 1, 0, 0, 5, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(early, late) < 0);
        Assert.Equal(19, early.Length);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 5, TimeSpan.Zero), TableKeys.FromTimeRowKey(late));
    }

    [Fact]
    public void SamplesGoToOneTablePerUtcDay()
    {
        Assert.Equal("samples20261127", TableKeys.SamplesTable(new DateTimeOffset(2026, 11, 28, 0, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal(new DateOnly(2026, 11, 27), TableKeys.SamplesTableDay("samples20261127"));
        Assert.Null(TableKeys.SamplesTableDay("hosts"));
    }
}
