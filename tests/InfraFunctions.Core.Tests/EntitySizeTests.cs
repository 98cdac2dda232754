using System.Text.Json;
using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Validation;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests;

public sealed class EntitySizeTests
{
    private static readonly Sample Captured =
        JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.TestData("sample-batch.json")), ContractsJsonContext.Default.SampleBatch)!.Samples[0];

    [Fact]
    public void SizeIsCountedAsTableStorageDocumentsIt()
    {
        var entity = new TableEntity("pk", "rk") { ["name"] = "abc", ["n"] = 1, ["d"] = 1.5, ["b"] = true, ["bin"] = new byte[10] };

        // 4 + (2 + 2) * 2, then per property 8 + name * 2 + value: "abc" 4 + 6, Int32 4, double 8, bool 1, binary 4 + 10.
        Assert.Equal(4 + 8 + (8 + 8 + 10) + (8 + 2 + 4) + (8 + 2 + 8) + (8 + 2 + 1) + (8 + 6 + 14), EntitySize.Stored(entity));
    }

    [Fact]
    public void TheLargestSampleRowValidationAcceptsFitsTableStorage()
    {
        var key = string.Concat(Enumerable.Repeat("e\u0301\u0301\u0301", 120));
        Assert.Null(HostIdRules.Validate(key));
        var json = new string('x', SampleEntityMapper.MaxJsonChars);

        var entity = SampleEntityMapper.ToEntity(TableKeys.EncodeHostId(key), Captured, 80, json);

        Assert.Equal(json, SampleEntityMapper.StoredJson(entity));
        Assert.True(json.Length <= TableLimits.MaxStringChars);
        Assert.InRange(EntitySize.Stored(entity), 1, TableLimits.MaxEntityBytes);
    }

    [Fact]
    public void JsonOfTheLargestSizeThatBarelyCompressesIsStillStoredWhole()
    {
        // 30,000 random characters that take two UTF-8 bytes each: Brotli cannot bring them under the string's size by much.
        var random = new Random(7);
        var json = new string([.. Enumerable.Range(0, SampleEntityMapper.MaxJsonChars).Select(_ => (char)random.Next(0x100, 0x800))]);

        var entity = SampleEntityMapper.ToEntity("web-1", Captured, 80, json);

        Assert.Equal(json, SampleEntityMapper.StoredJson(entity));
        Assert.InRange(entity.GetBinary(SampleEntityMapper.CompressedJsonColumn)!.Length, 1, TableLimits.MaxBinaryBytes);
        Assert.InRange(EntitySize.Stored(entity), 1, TableLimits.MaxEntityBytes);
    }

    [Fact]
    public void JsonWhoseCompressedFormWouldNotFitABinaryPropertyIsStoredAsAString()
    {
        var json = new string('x', SampleEntityMapper.MaxJsonChars);
        var entity = new TableEntity("web-1", "rk");

        SampleEntityMapper.PutJson(entity, json, maxBinaryBytes: 4);

        Assert.Equal(json, entity.GetString(SampleEntityMapper.JsonColumn));
        Assert.False(entity.ContainsKey(SampleEntityMapper.CompressedJsonColumn));
        Assert.Equal(json, SampleEntityMapper.StoredJson(entity));
    }

    [Fact]
    public void RowsTooLargeTogetherAreSplitIntoTransactionsWithinTheLimits()
    {
        // 150 rows each with the largest JSON, of random characters that compress little: over 4 MiB together.
        var random = new Random(11);
        var rows = Enumerable.Range(0, 150)
            .Select(i => SampleEntityMapper.ToEntity("web-1", Captured with { Timestamp = Captured.Timestamp.AddSeconds(i) }, 80,
                new string([.. Enumerable.Range(0, SampleEntityMapper.MaxJsonChars).Select(_ => (char)random.Next(0x100, 0x800))])))
            .ToArray();

        var transactions = SampleRepository.Transactions(rows).ToArray();

        Assert.Equal(rows, transactions.SelectMany(t => t));
        Assert.All(transactions, t =>
        {
            Assert.InRange(t.Count, 1, TableLimits.MaxTransactionEntities);
            Assert.InRange(t.Sum(EntitySize.WireBytesAtMost), 1, TableLimits.MaxTransactionBytes);
        });
        Assert.InRange(transactions[0].Count, 1, TableLimits.MaxTransactionEntities - 1); // split by payload, not by count
        Assert.Equal([100, 50], SampleRepository.Transactions(rows.Select(r => SampleEntityMapper.ToEntity("web-1", Captured with { Timestamp = r.GetDateTimeOffset("ts")!.Value }, 80)).ToArray()).Select(t => t.Count));
    }
}
