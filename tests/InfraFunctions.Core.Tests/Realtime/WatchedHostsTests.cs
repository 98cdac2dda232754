using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Realtime;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests.Realtime;

// What each post asks (the interval to tell its agent, and whether its host and the fleet are watched) is answered
// from one copy of the streams table per instance, read at most every SignalR__WatchedHostsRefreshSeconds.
public sealed class WatchedHostsTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn012=";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    private (StreamLeases Leases, LeasePostIntervalAdvisor Advisor, StreamsReads Reads) Create(int refreshSeconds = 5)
    {
        var reads = new StreamsReads();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(reads, HttpPipelinePosition.PerCall);
        var signalR = new TestOptionsMonitor<SignalROptions>(new SignalROptions { WatchedHostsRefreshSeconds = refreshSeconds });
        var leases = new StreamLeases(new TableStore(new TableServiceClient(tables.ConnectionString, clientOptions)), _clock, signalR);
        var access = new SignalRAccess(SignalRConnectionString.Parse($"Endpoint=http://localhost;Port=7071;AccessKey={Key};"), _clock);
        return (leases, new LeasePostIntervalAdvisor(access, leases, signalR, new TestOptionsMonitor<IngestOptions>(new IngestOptions())), reads);
    }

    private static string NewHost() => $"watched-{Guid.NewGuid():N}";

    /// <summary>What one post asks, as ingest and its live publisher ask it.</summary>
    private static async Task<int> PostAsync(StreamLeases leases, LeasePostIntervalAdvisor advisor, string host)
    {
        var next = await advisor.NextPostSecondsAsync(host);
        await leases.WatchHostAsync(host);
        await leases.WatchFleetAsync();
        return next;
    }

    [Fact]
    public async Task PostsOfManyHostsWithinTheRefreshIntervalCauseOneReadOfTheLeaseTable()
    {
        var (leases, advisor, reads) = Create();
        var watched = NewHost();
        var idle = Enumerable.Range(0, 9).Select(_ => NewHost()).ToArray();
        await leases.StartAsync("conn-counted", [watched]);
        var before = reads.Count;

        // 100 posts at once, then 100 more spread over the rest of the interval.
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => PostAsync(leases, advisor, i % 10 == 0 ? watched : idle[i % 10 - 1])));
        for (var i = 0; i < 100; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(49));
            Assert.Equal(i % 10 == 0 ? 2 : 60, await PostAsync(leases, advisor, i % 10 == 0 ? watched : idle[i % 10 - 1]));
        }

        Assert.Equal(1, reads.Count - before);
        Assert.Equal(10, answers.Count(a => a == 2));
        Assert.Equal(90, answers.Count(a => a == 60));

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, await PostAsync(leases, advisor, watched));
        Assert.Equal(2, reads.Count - before);
        await leases.StopAsync("conn-counted");
    }

    [Fact]
    public async Task ALeaseTakenThroughThisInstanceIsToldAtOnceAndOneTakenElsewhereWithinTheRefreshInterval()
    {
        var (thisInstance, advisor, _) = Create(refreshSeconds: 10);
        var (otherInstance, _, _) = Create();
        var (here, elsewhere) = (NewHost(), NewHost());
        Assert.Equal(60, await advisor.NextPostSecondsAsync(here));

        await thisInstance.StartAsync("conn-here", [here]);
        Assert.Equal(2, await advisor.NextPostSecondsAsync(here));
        await otherInstance.StartAsync("conn-elsewhere", [elsewhere]);
        Assert.Equal(60, await advisor.NextPostSecondsAsync(elsewhere));

        _clock.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(60, await advisor.NextPostSecondsAsync(elsewhere));
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(elsewhere));
        await thisInstance.StopAsync("conn-here");
        await otherInstance.StopAsync("conn-elsewhere");
    }

    [Fact]
    public async Task AnExpiredLeaseStopsCountingAtOnceAndOneStoppedElsewhereWithinTheRefreshInterval()
    {
        var (thisInstance, advisor, _) = Create();
        var (otherInstance, _, _) = Create();
        var (lapsing, stopped) = (NewHost(), NewHost());
        await otherInstance.StartAsync("conn-lapsing", [lapsing]); // lives 120 s
        _clock.Advance(TimeSpan.FromSeconds(100));
        await otherInstance.StartAsync("conn-stopped", [stopped]);
        _clock.Advance(TimeSpan.FromSeconds(18));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(lapsing));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(stopped));

        await otherInstance.StopAsync("conn-stopped");
        _clock.Advance(TimeSpan.FromSeconds(2)); // conn-lapsing's lease ends; this instance's copy is 2 s old
        Assert.Equal(60, await advisor.NextPostSecondsAsync(lapsing));
        Assert.Equal(["conn-lapsing"], (await thisInstance.WatchHostAsync(lapsing)).Expired.Select(e => e.ConnectionId));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(stopped)); // the stop is not read here yet

        _clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(60, await advisor.NextPostSecondsAsync(stopped));
        Assert.False((await thisInstance.WatchHostAsync(stopped)).Watched);
        Assert.Empty((await thisInstance.WatchHostAsync(stopped)).Expired);
        await otherInstance.StopAsync("conn-lapsing");
    }

    /// <summary>Counts reads of the streams table (queries and point reads) sent through the client.</summary>
    private sealed class StreamsReads : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.Path.Contains("/" + TableNames.Streams + "(", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
