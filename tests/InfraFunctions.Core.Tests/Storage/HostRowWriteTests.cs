using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests.Storage;

// A host's posts usually reach the same instance: its next post replaces the hosts row on the ETag this instance
// wrote, one request instead of a read and a write; a row someone else wrote since is read again, never overwritten.
public sealed class HostRowWriteTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    private (HostRepository Hosts, HostsRequests Requests) Create()
    {
        var requests = new HostsRequests();
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerCall);
        return (new HostRepository(new TableStore(new TableServiceClient(tables.ConnectionString, options)), _clock), requests);
    }

    private static Sample SampleAt(DateTimeOffset at, double cpu) =>
        System.Text.Json.JsonSerializer.Deserialize(Samples.Batch("any", [at], (s, _) => s["cpu"]!["percent"] = cpu)["samples"]![0], ContractsJsonContext.Default.Sample)!;

    private static PlatformInfo Platform(string host) => new(host, "Linux", "Debian GNU/Linux 12", "6.1", "x86_64", ".NET 10", new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), "1.0.0");

    [Fact]
    public async Task AHostsLaterPostsToTheSameInstanceEachWriteItsRowWithoutReadingItFirst()
    {
        var (hosts, requests) = Create();
        var host = $"row-{Guid.NewGuid():N}";
        var start = _clock.GetUtcNow();
        await hosts.RecordAsync(host, Platform(host), SampleAt(start, 10), 60, 5, dropped: 2);
        var afterFirst = requests.Snapshot();
        for (var i = 1; i <= 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(60));
            await hosts.RecordAsync(host, Platform(host), SampleAt(start.AddSeconds(60 * i), 10 + i), 60, 5, dropped: 1);
        }

        var (reads, writes) = requests.Snapshot();
        Assert.Equal((0, 5), (reads - afterFirst.Reads, writes - afterFirst.Writes));
        var record = await hosts.GetAsync(host);
        Assert.Equal(7, record!.DroppedSamplesTotal);
        Assert.Equal(15, record.Latest.Cpu.Percent);
        Assert.Equal(start, record.FirstSeen);
    }

    [Fact]
    public async Task ARowAnotherInstanceWroteSinceIsReadAgainSoNeitherWriteIsLost()
    {
        var (first, _) = Create();
        var (second, _) = Create();
        var host = $"row-{Guid.NewGuid():N}";
        var start = _clock.GetUtcNow();
        await first.RecordAsync(host, Platform(host), SampleAt(start, 10), 60, 5, dropped: 1);
        await second.RecordAsync(host, Platform(host), SampleAt(start.AddSeconds(60), 20), 60, 5, dropped: 10);
        await first.RecordAsync(host, Platform(host), SampleAt(start.AddSeconds(120), 30), 60, 5, dropped: 100);

        var record = await first.GetAsync(host);
        Assert.Equal(111, record!.DroppedSamplesTotal);
        Assert.Equal(30, record.Latest.Cpu.Percent);
    }

    [Fact]
    public async Task AnOlderPostAfterANewerOneLeavesTheNewerSampleAsLatest()
    {
        var (hosts, _) = Create();
        var host = $"row-{Guid.NewGuid():N}";
        var start = _clock.GetUtcNow();
        await hosts.RecordAsync(host, Platform(host), SampleAt(start.AddSeconds(60), 50), 60, 5, dropped: 0);
        await hosts.RecordAsync(host, Platform(host), SampleAt(start, 5), 60, 5, dropped: 0);

        var record = await hosts.GetAsync(host);
        Assert.Equal(50, record!.Latest.Cpu.Percent);
        Assert.Equal(start.AddSeconds(60), record.Latest.Timestamp);
    }

    private sealed class HostsRequests : HttpPipelineSynchronousPolicy
    {
        private int _reads;
        private int _writes;

        public (int Reads, int Writes) Snapshot() => (Volatile.Read(ref _reads), Volatile.Read(ref _writes));

        public override void OnSendingRequest(HttpMessage message)
        {
            if (!message.Request.Uri.Path.Contains("/" + TableNames.Hosts, StringComparison.Ordinal))
            {
                return;
            }

            if (message.Request.Method == RequestMethod.Get)
            {
                Interlocked.Increment(ref _reads);
            }
            else
            {
                Interlocked.Increment(ref _writes);
            }
        }
    }
}
