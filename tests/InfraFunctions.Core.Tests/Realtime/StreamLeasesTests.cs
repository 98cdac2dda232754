using InfraFunctions.Core.Options;
using InfraFunctions.Core.Realtime;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests.Realtime;

public sealed class StreamLeasesTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn012=";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    private (StreamLeases Leases, LeasePostIntervalAdvisor Advisor) Create(FakeTimeProvider? clock = null)
    {
        clock ??= _clock;
        var signalR = new TestOptionsMonitor<SignalROptions>(new SignalROptions());
        var ingest = new TestOptionsMonitor<IngestOptions>(new IngestOptions());
        var leases = new StreamLeases(new TableStore(tables.Service), clock, signalR);
        var access = new SignalRAccess(SignalRConnectionString.Parse($"Endpoint=http://localhost;Port=7071;AccessKey={Key};"), clock);
        return (leases, new LeasePostIntervalAdvisor(access, leases, signalR, ingest));
    }

    private static string NewHost() => $"lease-{Guid.NewGuid():N}";

    [Fact]
    public async Task AWatchedHostIsToldTwoSecondsUntilItsLeaseExpiresThenSixty()
    {
        var (leases, advisor) = Create();
        var host = NewHost();
        Assert.Equal(60, await advisor.NextPostSecondsAsync(host));

        var (expires, _) = await leases.StartAsync("conn-1", [host]);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(120), expires);
        Assert.Equal(2, await advisor.NextPostSecondsAsync(host));

        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(host));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(60, await advisor.NextPostSecondsAsync(host));
    }

    [Fact]
    public async Task StartingAgainRenewsTheLease()
    {
        var (leases, advisor) = Create();
        var host = NewHost();
        await leases.StartAsync("conn-2", [host]);
        _clock.Advance(TimeSpan.FromSeconds(100));
        await leases.StartAsync("conn-2", [host]);
        _clock.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(host));
    }

    [Fact]
    public async Task ALeaseTakenOnAnotherInstanceIsToldToTheAgentOnceThisInstancesOneSecondMemoryHasPassed()
    {
        var (thisInstance, advisor) = Create();
        var (otherInstance, _) = Create();
        var host = NewHost();
        Assert.Equal(60, await advisor.NextPostSecondsAsync(host));

        await otherInstance.StartAsync("conn-elsewhere", [host]);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(60, await advisor.NextPostSecondsAsync(host)); // one read a second, however often the host posts
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(host));
        Assert.True(await thisInstance.IsWatchedAsync(host));
        await otherInstance.StopAsync("conn-elsewhere");
    }

    [Fact]
    public async Task ALeaseThatEndsWhileItsRowsAreRememberedCountsAsEndedAtOnce()
    {
        var (leases, advisor) = Create();
        var host = NewHost();
        await leases.StartAsync("conn-ending", [host]);
        _clock.Advance(TimeSpan.FromSeconds(119.5));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(host));

        _clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal(60, await advisor.NextPostSecondsAsync(host));
        Assert.Equal(["conn-ending"], (await leases.WatchHostAsync(host)).Expired.Select(e => e.ConnectionId));
        await leases.StopAsync("conn-ending");
    }

    [Fact]
    public async Task StopEndsTheLeasesAndReportsTheHostsAndAnUnknownConnectionHasNone()
    {
        var (leases, advisor) = Create();
        var (a, b) = (NewHost(), NewHost());
        await leases.StartAsync("conn-3", [a, b]);
        Assert.True(await leases.IsFleetWatchedAsync());

        Assert.Equal([a, b], await leases.StopAsync("conn-3"));
        Assert.Equal(60, await advisor.NextPostSecondsAsync(a));
        Assert.Equal(60, await advisor.NextPostSecondsAsync(b));
        Assert.Null(await leases.StopAsync("conn-3"));
    }

    [Fact]
    public async Task MovingAConnectionToOtherHostsReleasesTheOldOnesButAnotherWatcherKeepsAHostWatched()
    {
        var (leases, advisor) = Create();
        var (a, b) = (NewHost(), NewHost());
        await leases.StartAsync("conn-4", [a]);
        await leases.StartAsync("conn-5", [a]);

        var (_, dropped) = await leases.StartAsync("conn-4", [b]);
        Assert.Equal([a], dropped);
        Assert.Equal(2, await advisor.NextPostSecondsAsync(a));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(b));

        await leases.StopAsync("conn-5");
        Assert.Equal(60, await advisor.NextPostSecondsAsync(a));
    }

    [Fact]
    public async Task HostIdsWithKeyForbiddenCharactersLeaseLikeAnyOther()
    {
        var (leases, advisor) = Create();
        var host = $"rack/7\\node#3?{Guid.NewGuid():N}";
        await leases.StartAsync("conn-6", [host]);
        Assert.Equal(2, await advisor.NextPostSecondsAsync(host));
    }

    [Fact]
    public async Task RowsOfLeasesThatEndedLongAgoArePurgedAndLiveOnesKept()
    {
        // Years before any other test's leases (the suite may share one Azurite), so the purge touches only these.
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var (leases, advisor) = Create(clock);
        var (abandoned, watched) = (NewHost(), NewHost());
        await leases.StartAsync("conn-abandoned", [abandoned]); // a dashboard closed without calling stop
        clock.Advance(TimeSpan.FromHours(2));
        await leases.StartAsync("conn-live", [watched]);

        // Host row, fleet row and connection row of the abandoned connection.
        Assert.Equal(3, await leases.PurgeExpiredAsync(TimeSpan.FromHours(1)));

        var rows = tables.Service.GetTableClient(TableNames.Streams).Query<Azure.Data.Tables.TableEntity>().ToArray();
        Assert.DoesNotContain(rows, r => r.RowKey == "conn-abandoned");
        Assert.Equal(3, rows.Count(r => r.RowKey == "conn-live"));
        Assert.Null(await leases.StopAsync("conn-abandoned"));
        Assert.Equal(2, await advisor.NextPostSecondsAsync(watched));
        Assert.Equal(0, await leases.PurgeExpiredAsync(TimeSpan.FromHours(1)));
        await leases.StopAsync("conn-live");
    }

    [Fact]
    public async Task PurgingTakesEachConnectionOutOfItsGroupsFirstAndKeepsTheRowsOfOneItCouldNot()
    {
        // Before the other purge test's leases, so each purge touches only its own.
        var clock = new FakeTimeProvider(new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var (leases, _) = Create(clock);
        await leases.StartAsync("conn-left", [NewHost()]);
        await leases.StartAsync("conn-unreachable", [NewHost()]);
        clock.Advance(TimeSpan.FromHours(2));
        var asked = new List<string>();

        Assert.Equal(3, await leases.PurgeExpiredAsync(TimeSpan.FromHours(1), (connection, _) =>
        {
            asked.Add(connection);
            return connection == "conn-unreachable" ? Task.FromException(new HttpRequestException("service down")) : Task.CompletedTask;
        }));
        Assert.Equal(["conn-left", "conn-unreachable"], asked.Order());
        Assert.Equal(3, await leases.PurgeExpiredAsync(TimeSpan.FromHours(1), (_, _) => Task.CompletedTask));
    }

    [Fact]
    public async Task AnExpiredLeaseIsForgottenAfterItsConnectionLeftItsGroupsUnlessItWasRenewed()
    {
        var (leases, _) = Create();
        var host = NewHost();
        await leases.StartAsync("conn-lapsed", [host], owner: "tok_a");
        await leases.StartAsync("conn-renewed", [host], owner: "tok_a");
        _clock.Advance(TimeSpan.FromSeconds(121));
        var expired = (await leases.WatchHostAsync(host)).Expired;
        Assert.Equal(["conn-lapsed", "conn-renewed"], expired.Select(e => e.ConnectionId).Order());
        await leases.StartAsync("conn-renewed", [host], owner: "tok_a");

        var left = new List<string>();
        foreach (var lease in expired)
        {
            await leases.ForgetExpiredAsync(lease, _ =>
            {
                left.Add(lease.ConnectionId);
                return Task.CompletedTask;
            });
        }

        Assert.Equal(["conn-lapsed"], left);
        var watch = await leases.WatchHostAsync(host);
        Assert.True(watch.Watched);
        Assert.Empty(watch.Expired);
        Assert.Null(await leases.OwnerOfAsync("conn-lapsed"));
        Assert.Equal("tok_a", await leases.OwnerOfAsync("conn-renewed"));
        Assert.Equal(["conn-renewed"], await leases.ConnectionsOfAsync("tok_a"));
        await leases.StopAsync("conn-renewed");
    }

    private sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
