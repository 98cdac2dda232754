using System.Text.Json;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests;

public sealed class SampleEntityMapperTests
{
    private static readonly Sample Captured =
        JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.TestData("sample-batch.json")), ContractsJsonContext.Default.SampleBatch)!.Samples[0];

    [Fact]
    public void PostedJsonIsStoredAsIsWhenItFits()
    {
        const string posted = """{"timestamp":"2026-11-27T10:30:00Z"}""";

        var entity = SampleEntityMapper.ToEntity("web-1", Captured, 80, posted);

        Assert.Equal(posted, SampleEntityMapper.StoredJson(entity));
        Assert.Equal(Captured.Cpu.Percent, entity.GetDouble("cpu"));
    }

    [Fact]
    public void PostedJsonTooLargeToStoreEvenCompressedIsReplacedByTheContractsOwnSerialisation()
    {
        var random = new Random(11);
        var posted = "{\"padding\":\"" + new string([.. Enumerable.Range(0, 200_000).Select(_ => (char)random.Next('a', 'z' + 1))]) + "\"}";

        var entity = SampleEntityMapper.ToEntity("web-1", Captured, 80, posted);

        var stored = JsonSerializer.Deserialize(SampleEntityMapper.StoredJson(entity)!, ContractsJsonContext.Default.Sample)!;
        Assert.Equal(Captured.Timestamp, stored.Timestamp);
        Assert.Equal(Captured.Processes!.Count, stored.Processes!.Count);
        Assert.DoesNotContain("padding", SampleEntityMapper.StoredJson(entity), StringComparison.Ordinal);
    }
}
