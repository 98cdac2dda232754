using System.Text.Json;
using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests.Storage;

// Samples are bounded by what they take as stored (compressed), not by their JSON: a thousand custom series fit.
public sealed class CustomSeriesStorageTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static PlatformInfo Platform(string host) => new(host, "Linux", "Debian GNU/Linux 12", "6.1", "x86_64", ".NET 10", At.AddDays(-7), "1.0.0");

    [Fact]
    public async Task ASampleWithAThousandCustomSeriesIsStoredWithEverySeriesThoughItsJsonIsFarLargerThanAStringProperty()
    {
        var host = $"custom-{Guid.NewGuid():N}";
        var sample = SampleParts.Captured(At) with { CustomMetrics = SampleParts.Custom(1000) };
        var fit = StoredSampleFit.Fit(sample);
        Assert.InRange(fit.Json.Length, 80_000, 200_000);
        Assert.True(fit.Fits);

        await new SampleRepository(new TableStore(tables.Service)).WriteAsync(host, [(fit.Sample, 80.0, fit.Json)]);

        var row = await tables.Service.GetTableClient(TableKeys.SamplesTable(At)).GetEntityAsync<TableEntity>(TableKeys.EncodeHostId(host), TableKeys.TimeRowKey(At));
        Assert.InRange(row.Value.GetBinary(SampleEntityMapper.CompressedJsonColumn)!.Length, 1, TableLimits.MaxBinaryBytes);
        var stored = JsonSerializer.Deserialize(SampleEntityMapper.StoredJson(row.Value)!, ContractsJsonContext.Default.Sample)!;
        Assert.Equal(1000, stored.CustomMetrics!.Count);
        Assert.Equal((1000 + (999 * 1.5), "/api/v999", "counter"), (stored.CustomMetrics[999].Value, stored.CustomMetrics[999].Labels!["path"], stored.CustomMetrics[999].Type));
        Assert.Equal(0, stored.DroppedCustomMetrics);
        Assert.Equal(sample.Processes!.Count, stored.Processes!.Count);
    }

    [Fact]
    public void ASampleTooLargeEvenCompressedLosesItsProcessesFirstThenItsLastCustomSeriesAndCountsTheSeriesCut()
    {
        // 1000 series with 200 random letters each: about 200 KB that compress to well over 64 KiB.
        var sample = SampleParts.Captured(At) with { CustomMetrics = SampleParts.Custom(1000, noise: 200), DroppedCustomMetrics = 7 };

        var fit = StoredSampleFit.Fit(sample);

        Assert.True(fit.Fits);
        Assert.Null(fit.Sample.Processes);
        var kept = fit.Sample.CustomMetrics!.Count;
        Assert.InRange(kept, 300, 999);
        Assert.Equal(sample.CustomMetrics!.Take(kept), fit.Sample.CustomMetrics); // the same records, the first ones as sent
        Assert.Equal(7 + 1000 - kept, fit.Sample.DroppedCustomMetrics);
        Assert.InRange(CompressedJson.Compress(fit.Json).Length, TableLimits.MaxBinaryBytes * 85 / 100, TableLimits.MaxBinaryBytes);
        var fifthMore = fit.Sample with { CustomMetrics = sample.CustomMetrics!.Take(kept * 6 / 5).ToArray() };
        Assert.False(StoredSampleFit.Fits(JsonSerializer.Serialize(fifthMore, ContractsJsonContext.Default.Sample)));
    }

    [Fact]
    public void ASampleThatFitsOnceItsProcessListIsCutKeepsItsTopProcessesAndEveryCustomSeries()
    {
        var random = new Random(3);
        var template = SampleParts.Captured(At).Processes![0];
        var processes = Enumerable.Range(0, 500).Select(i => template with { Pid = i + 1, Name = new string([.. Enumerable.Range(0, 200).Select(_ => (char)random.Next('a', 'z' + 1))]) }).ToArray();
        var sample = SampleParts.Captured(At) with { Processes = processes, CustomMetrics = SampleParts.Custom(1000) };

        var fit = StoredSampleFit.Fit(sample);

        Assert.True(fit.Fits);
        Assert.Equal(SampleEntityMapper.TrimmedListItems, fit.Sample.Processes!.Count);
        Assert.Equal(1000, fit.Sample.CustomMetrics!.Count);
        Assert.Equal(0, fit.Sample.DroppedCustomMetrics);
    }

    [Fact]
    public async Task TheHostsRowKeepsALatestSampleWithAThousandCustomSeriesCompressedWithinTheEntityLimits()
    {
        var host = $"custom-{Guid.NewGuid():N}";
        var hosts = new HostRepository(new TableStore(tables.Service), new FakeTimeProvider(At));
        var sample = SampleParts.Captured(At) with { CustomMetrics = SampleParts.Custom(1000, noise: 60) };
        var fit = StoredSampleFit.Fit(sample);
        Assert.InRange(fit.Json.Length, TableLimits.MaxStringChars * 4, int.MaxValue);

        await hosts.RecordAsync(host, Platform(host), fit.Sample, 60, 5, 0, fit.Json);

        var row = (await tables.Service.GetTableClient(TableNames.Hosts).GetEntityAsync<TableEntity>("host", TableKeys.EncodeHostId(host))).Value;
        Assert.InRange(row.GetBinary(HostRepository.LatestColumn)!.Length, 1, TableLimits.MaxBinaryBytes);
        Assert.False(row.ContainsKey(HostRepository.OldLatestColumn));
        Assert.InRange(EntitySize.Stored(row), 1, TableLimits.MaxEntityBytes);
        var read = await hosts.GetAsync(host);
        Assert.Equal(1000, read!.Latest.CustomMetrics!.Count);
    }

    [Fact]
    public void AnHourOfAThousandCustomSeriesAndTemperaturesFitsOneRollupRowAndReadsBackExactly()
    {
        var custom = Enumerable.Range(0, 1000).ToDictionary(
            i => CustomSeriesKey.Of("app_requests_total", new Dictionary<string, string> { ["path"] = $"/api/v{i}" }),
            i => new CustomRollup("app_requests_total", new Dictionary<string, string> { ["path"] = $"/api/v{i}" }, "counter", new SeriesStats(720, 123456.789 * i, 0.25 * i, 999.125 + i, 500.5 + i)));
        var temperatures = new Dictionary<string, SeriesStats> { ["coretemp/Package id 0"] = new(720, 720 * 51.5, 40, 71, 52) };
        var rollup = new Rollup("web-1", At, Metrics(), new Dictionary<string, IReadOnlyDictionary<string, MetricRollup>>(), custom, temperatures);

        var entity = RollupEntityMapper.ToEntity(rollup);
        var back = RollupEntityMapper.ToRollup(entity);

        Assert.InRange(EntitySize.Stored(entity), 1, TableLimits.MaxEntityBytes);
        Assert.All(entity.Where(p => p.Value is byte[]), p => Assert.InRange(((byte[])p.Value).Length, 1, TableLimits.MaxBinaryBytes));
        Assert.Equal(1000, back.CustomSeries.Count);
        Assert.Equal(0, back.CustomCut);
        var key = CustomSeriesKey.Of("app_requests_total", new Dictionary<string, string> { ["path"] = "/api/v999" });
        Assert.Equal(custom[key].Stats, back.CustomSeries[key].Stats);
        Assert.Equal(temperatures["coretemp/Package id 0"], back.TemperatureSeries["coretemp/Package id 0"]);
    }

    [Fact]
    public async Task ARollupOfMoreSeriesThanAnEntityHoldsIsCutToTheLimitCountingWhatWasLeftOutAndIsStored()
    {
        // 8000 series whose labels hold 300 random letters each: the union of an hour of churning series.
        var random = new Random(5);
        var custom = Enumerable.Range(0, 8000).Select(i =>
        {
            var labels = new Dictionary<string, string> { ["id"] = new string([.. Enumerable.Range(0, 300).Select(_ => (char)random.Next('a', 'z' + 1))]) };
            return new CustomRollup("churn", labels, null, new SeriesStats(1, i, i, i, i));
        }).ToDictionary(c => CustomSeriesKey.Of(c.Name, c.Labels), StringComparer.Ordinal);
        var rollup = new Rollup($"churn-{Guid.NewGuid():N}", At, Metrics(), new Dictionary<string, IReadOnlyDictionary<string, MetricRollup>>(), custom);

        var entity = RollupEntityMapper.ToEntity(rollup);
        var back = RollupEntityMapper.ToRollup(entity);

        Assert.InRange(EntitySize.Stored(entity), TableLimits.MaxEntityBytes / 2, TableLimits.MaxEntityBytes * 3 / 4);
        Assert.InRange(back.CustomSeries.Count, 1000, 7999);
        Assert.Equal(8000 - back.CustomSeries.Count, back.CustomCut);
        Assert.Equal(custom.Keys.Order(StringComparer.Ordinal).Take(back.CustomSeries.Count), back.CustomSeries.Keys.Order(StringComparer.Ordinal));

        await new RollupRepository(new TableStore(tables.Service)).WriteAsync(RollupTier.Hourly, rollup);
        var stored = await new RollupRepository(new TableStore(tables.Service)).ReadAsync(RollupTier.Hourly, rollup.HostId, At, At.AddHours(1), RollupEntityMapper.PartsColumns);
        Assert.Equal(back.CustomSeries.Count, Assert.Single(stored).CustomSeries.Count);
    }

    private static Dictionary<string, MetricRollup> Metrics() =>
        Rollup.MetricNames.ToDictionary(m => m, _ => new MetricRollup(720, 720 * 50, 10, 90, 55, 85));
}
