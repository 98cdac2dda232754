using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Storage;

// The top-N process list is most of a stored sample; only the newest sample of a post keeps it, while every sample
// keeps its disks, which rollups read, and its flat columns.
public sealed class ProcessListOncePerPostTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    [Fact]
    public async Task OnlyTheNewestSampleOfAPostIsStoredWithItsProcessesAndEveryOneKeepsItsDisks()
    {
        var repository = new SampleRepository(new TableStore(new TableServiceClient(tables.ConnectionString)));
        var host = $"procs-{Guid.NewGuid():N}"[..24];
        var end = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
        var batch = Samples.Batch(host, Samples.Times(end, 4, TimeSpan.FromSeconds(5)));
        var samples = batch["samples"]!.AsArray()
            .Select(n => (System.Text.Json.JsonSerializer.Deserialize(n, ContractsJsonContext.Default.Sample)!, 90.0, (string?)n!.ToJsonString()))
            .Reverse() // the order within a post does not matter: the newest by time keeps the list
            .ToArray();

        await repository.WriteAsync(host, samples);

        var rows = new List<TableEntity>();
        await foreach (var row in repository.ReadAsync(host, end.AddMinutes(-1), end))
        {
            rows.Add(row);
        }

        Assert.Equal(4, rows.Count);
        var stored = rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => System.Text.Json.JsonSerializer.Deserialize(SampleEntityMapper.StoredJson(r)!, ContractsJsonContext.Default.Sample)!).ToArray();
        Assert.All(stored[..^1], s => Assert.Null(s.Processes));
        Assert.Equal(3, stored[^1].Processes!.Count);
        Assert.All(stored, s => Assert.Equal("/", Assert.Single(s.Disks!).Mount));
        Assert.Equal(end, stored[^1].Timestamp);
    }
}
