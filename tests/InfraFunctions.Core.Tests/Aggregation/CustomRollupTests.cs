using System.Text.Json;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Aggregation;

// A private Azurite: the aggregation watermarks are account-wide.
public sealed class CustomRollupTests() : PrivateStoreTests(Start)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Two hours of samples every 60 s, each with a thousand series and two sensors whose values follow the minute.</summary>
    private async Task IngestAsync(string host)
    {
        var series = SampleParts.Custom(1000);
        for (var post = 0; post < 12; post++)
        {
            var times = Enumerable.Range(0, 10).Select(i => Start.AddMinutes((post * 10) + i)).ToArray();
            Harness.Time.SetUtcNow(times[^1].AddSeconds(1));
            var batch = Samples.Batch(host, times, (s, i) =>
            {
                var minute = (post * 10) + i;
                s["custom_metrics"] = SampleParts.Part("custom_metrics", x => x with { CustomMetrics = [.. series.Select(m => m with { Value = m.Value + minute })] });
                s["temperatures"] = SampleParts.Part("temperatures", x => x with { Temperatures = [new("coretemp/Package id 0", 40 + (minute % 60) / 2.0, 100), new("acpitz/thermal_zone0", 30)] });
            });
            var reply = await Harness.Get<IngestService>().IngestAsync(JsonSerializer.Deserialize(batch.ToJsonString(), ContractsJsonContext.Default.IngestEnvelope)!);
            Assert.Equal(10, reply.Accepted);
        }
    }

    [Fact]
    public async Task HourlyAndDailyRollupsHoldEveryCustomSeriesAndSensorWithAverageLowestAndHighestAndTheCustomReadUsesThem()
    {
        await IngestAsync("web-1");
        Harness.Time.SetUtcNow(Start.AddDays(1).AddMinutes(5));
        var aggregation = Harness.Get<AggregationService>();
        await aggregation.RunHourlyAsync();
        await aggregation.RunDailyAsync();

        var hourly = await Harness.Get<RollupRepository>().ReadAsync(RollupTier.Hourly, "web-1", Start, Start.AddHours(2), RollupEntityMapper.PartsColumns);
        var daily = Assert.Single(await Harness.Get<RollupRepository>().ReadAsync(RollupTier.Daily, "web-1", Start, Start.AddDays(1), RollupEntityMapper.PartsColumns));

        Assert.Equal(2, hourly.Count);
        var key = CustomSeriesKey.Of("app_requests_total", new Dictionary<string, string> { ["path"] = "/api/v999", ["code"] = "204" });
        // Minutes 0-59 of the first hour: 1000 + 999 * 1.5 + minute.
        Assert.All(hourly, h => Assert.Equal(1000, h.CustomSeries.Count));
        Assert.Equal(new SeriesStats(60, Enumerable.Range(0, 60).Sum(m => 2498.5 + m), 2498.5, 2557.5, 2557.5), hourly[0].CustomSeries[key].Stats);
        Assert.Equal(new SeriesStats(120, Enumerable.Range(0, 120).Sum(m => 2498.5 + m), 2498.5, 2617.5, 2617.5), daily.CustomSeries[key].Stats);
        Assert.Equal((40.0, 69.5, 120L), (daily.TemperatureSeries["coretemp/Package id 0"].Min, daily.TemperatureSeries["coretemp/Package id 0"].Max, daily.TemperatureSeries["coretemp/Package id 0"].Count));
        Assert.Equal(30, hourly[1].TemperatureSeries["acpitz/thermal_zone0"].Average);

        var read = await Harness.Get<CustomSeriesReader>().ReadAsync("web-1", Start.AddDays(1).AddMinutes(5) - TimeSpan.FromDays(7), Start.AddDays(1).AddMinutes(5), "app_requests_total",
            [new("path", "/api/v999")]);
        Assert.Equal("hourly", read.Resolution);
        var points = Assert.Single(read.Series).Points;
        Assert.Equal([(Start, 2498.5 + 29.5, 2498.5, 2557.5), (Start.AddHours(1), 2498.5 + 89.5, 2558.5, 2617.5)], points.Select(p => (p.Timestamp, p.Value, p.Min, p.Max)));
        Assert.Equal(new CustomName("app_requests_total", "counter", 1000), read.Names.Single());
    }
}
