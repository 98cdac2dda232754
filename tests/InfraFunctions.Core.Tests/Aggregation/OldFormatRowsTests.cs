using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tests.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Aggregation;

// Rows written before samples were stored compressed stay in the raw tables until retention drops them: the rollups
// and summaries read from them must not change.
public sealed class OldFormatRowsTests() : PrivateStoreTests(Start)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    // Two days of samples with two disks whose usage and I/O change from one sample to the next.
    private static JsonObject Batch(string host) => Samples.Batch(host, Samples.Times(Start.AddDays(2) - Step, 576, Step), (s, i) =>
    {
        s["cpu"]!["percent"] = (i * 37 % 100) + 0.5;
        var root = s["disks"]![0]!.AsObject();
        root["percent"] = 10 + (i % 80);
        root["read_bytes_per_sec"] = i * 1000.0;
        var data = (JsonObject)root.DeepClone();
        data["mount"] = "/data";
        data["percent"] = 50 + (i % 7);
        data["write_bytes_per_sec"] = i * 7.5;
        s["disks"]!.AsArray().Add(data);
    });

    [Fact]
    public async Task ADayStoredInTheOldFormatRollsUpAndSummarisesExactlyAsTheSameSamplesStoredCompressed()
    {
        Harness.Time.SetUtcNow(Start.AddDays(2));
        var (oldHost, newHost) = ("old-format", "new-format");
        var oldBatch = Batch(oldHost);
        foreach (var batch in new[] { oldBatch, Batch(newHost) })
        {
            await Harness.Get<IngestService>().IngestAsync(JsonSerializer.Deserialize(batch.ToJsonString(), ContractsJsonContext.Default.IngestEnvelope)!);
        }

        var rewritten = await RewriteFirstDayInTheOldFormatAsync(oldHost, oldBatch);
        Assert.Equal(288, rewritten);

        Harness.Time.SetUtcNow(Start.AddDays(2).AddMinutes(20));
        Assert.Equal(48, (await Harness.Get<AggregationService>().RunHourlyAsync()).BucketsRolledUp);
        Assert.Equal(2, (await Harness.Get<AggregationService>().RunDailyAsync()).BucketsRolledUp);

        var rollups = Harness.Get<RollupRepository>();
        foreach (var tier in new[] { RollupTier.Hourly, RollupTier.Daily })
        {
            var old = await rollups.ReadAsync(tier, oldHost, Start, Start.AddDays(2));
            var compressed = await rollups.ReadAsync(tier, newHost, Start, Start.AddDays(2));
            Assert.Equal(tier == RollupTier.Hourly ? 48 : 2, old.Count);
            Assert.Equal(compressed.Select(Flatten), old.Select(Flatten));
            Assert.All(old, r => Assert.Equal(["/", "/data"], r.Mounts.Keys.Order(StringComparer.Ordinal)));
        }

        var samples = Harness.Get<SampleRepository>();
        Assert.Equal(
            await samples.ReadRowsAsync(newHost, Start, Start.AddDays(2)),
            await samples.ReadRowsAsync(oldHost, Start, Start.AddDays(2)));
        var reader = Harness.Get<TieredSummaryReader>();
        var now = Harness.Time.GetUtcNow();
        foreach (var window in new[] { TimeSpan.FromHours(24), TimeSpan.FromDays(7) })
        {
            var old = await reader.ReadAsync(oldHost, now - window, now);
            var compressed = await reader.ReadAsync(newHost, now - window, now);
            Assert.Equal(compressed.SampleCount, old.SampleCount);
            Assert.Equal(compressed.Stats(), old.Stats());
            Assert.Equal(compressed.Series(), old.Series());
        }
    }

    /// <summary>Replaces the host's rows of the first day by rows in the old format, written straight to its table.</summary>
    private async Task<int> RewriteFirstDayInTheOldFormatAsync(string hostId, JsonObject batch)
    {
        var table = new TableServiceClient(Azurite.ConnectionString).GetTableClient(TableKeys.SamplesTable(Start));
        var partition = TableKeys.EncodeHostId(hostId);
        var health = table.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"))
            .ToDictionary(e => e.RowKey, e => e.GetDouble("health")!.Value, StringComparer.Ordinal);
        var count = 0;
        foreach (var node in batch["samples"]!.AsArray())
        {
            var json = node!.ToJsonString();
            var sample = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.Sample)!;
            if (sample.Timestamp < Start.AddDays(1))
            {
                var entity = OldSampleRows.Entity(partition, sample, health[TableKeys.TimeRowKey(sample.Timestamp)], json);
                await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
                count++;
            }
        }

        var stored = table.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ToArray();
        Assert.All(stored, e => Assert.False(e.ContainsKey(SampleEntityMapper.CompressedJsonColumn)));
        Assert.All(stored, e => Assert.NotNull(e.GetString(SampleEntityMapper.JsonColumn)));
        return count;
    }

    private static (DateTimeOffset, string) Flatten(Rollup rollup) =>
        (rollup.Start, string.Join("; ", rollup.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}")
            .Concat(rollup.Mounts.OrderBy(m => m.Key, StringComparer.Ordinal).SelectMany(m =>
                m.Value.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{m.Key}.{v.Key}={v.Value}")))));
}
