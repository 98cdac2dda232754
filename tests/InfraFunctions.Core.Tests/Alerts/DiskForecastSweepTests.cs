using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Core.Tests.Alerts;

public sealed class DiskForecastSweepTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    // Years from any other test's hosts (the suite may share one Azurite): the sweep sees only hosts seen within 7 days.
    private static readonly DateTimeOffset T0 = new(2030, 1, 10, 10, 0, 0, TimeSpan.Zero);
    private readonly RecordingNotifier _notified = new();

    private CoreHarness Core(DateTimeOffset? start = null) =>
        CoreHarness.Create(tables.ConnectionString, start ?? T0, services: s => s.AddSingleton<IAlertNotifier>(_notified));

    /// <summary>Seven days of hourly rollups ending at the clock's hour, the disk at <paramref name="disk"/>(hours back).</summary>
    private static async Task WriteWeekAsync(CoreHarness core, string host, Func<int, double> disk)
    {
        var rollups = core.Get<RollupRepository>();
        var now = core.Time.GetUtcNow();
        for (var h = 7 * 24; h >= 1; h--)
        {
            var metrics = Rollup.MetricNames.ToDictionary(m => m, m => MetricRollup.Of(m == "disk" ? [disk(h)] : [20.0]));
            await rollups.WriteAsync(RollupTier.Hourly, new Rollup(host, RollupTier.Hourly.Floor(now.AddHours(-h)), metrics, new Dictionary<string, IReadOnlyDictionary<string, MetricRollup>>()));
        }
    }

    [Fact]
    public async Task AFillingDiskRaisesOneWarningWithoutAnyoneAskingAndItResolvesWhenTheDiskStopsFilling()
    {
        await using var core = Core();
        var sweep = core.Get<DiskForecastAlerts>();
        var (filling, steady) = ($"fill-{Guid.NewGuid():N}"[..20], $"flat-{Guid.NewGuid():N}"[..20]);
        await core.IngestAsync(filling, [T0.AddSeconds(-5)]);
        await core.IngestAsync(steady, [T0.AddSeconds(-5)]);
        await WriteWeekAsync(core, filling, h => 74 - (2.0 * h / 24)); // two points a day: full in about 13 days
        await WriteWeekAsync(core, steady, _ => 40);

        var first = await sweep.RunAsync();
        var second = await sweep.RunAsync();

        Assert.Equal([filling], first.Raised);
        Assert.Equal([filling], first.Warned);
        Assert.Empty(second.Raised);
        Assert.Equal([filling], second.Warned);
        var raised = Assert.Single(_notified.Events);
        Assert.Equal((AlertKinds.Raised, DiskForecastAlerts.Metric, "warning", 14.0), (raised.Kind, raised.Metric, raised.Severity, raised.Threshold));
        Assert.InRange(raised.Value, 12, 14);
        Assert.StartsWith("disk / full in ", raised.Message, StringComparison.Ordinal);

        // A week later the disk was cleaned up and has stayed flat: the projection no longer warns.
        core.Time.Advance(TimeSpan.FromDays(8));
        await core.IngestAsync(filling, [core.Time.GetUtcNow().AddSeconds(-5)]);
        await WriteWeekAsync(core, filling, _ => 35);
        var third = await sweep.RunAsync();

        Assert.Equal([filling], third.Resolved);
        Assert.Empty(third.Warned);
        var resolved = _notified.Events.Last();
        Assert.Equal((AlertKinds.Resolved, raised.AlertId, "disk / is not filling"), (resolved.Kind, resolved.AlertId, resolved.Message));
        var stored = Assert.Single(await core.Get<AlertRepository>().ListAsync(filling, null, null));
        Assert.Equal(AlertStates.Resolved, stored.State);
        Assert.Empty(await core.Get<AlertRepository>().ListAsync(steady, null, null));
    }

    [Fact]
    public async Task AHostWithoutAWeekOfHistoryOrSilentForAWeekIsLeftAlone()
    {
        // A hundred days after the other test, so neither sees the other's hosts.
        var start = T0.AddDays(100);
        await using var core = Core(start);
        var sweep = core.Get<DiskForecastAlerts>();
        var (fresh, gone) = ($"new-{Guid.NewGuid():N}"[..20], $"gone-{Guid.NewGuid():N}"[..20]);
        await core.IngestAsync(gone, [start.AddSeconds(-5)]);
        await WriteWeekAsync(core, gone, h => 74 - (2.0 * h / 24));
        core.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await core.IngestAsync(fresh, [core.Time.GetUtcNow().AddSeconds(-5)]);

        var report = await sweep.RunAsync();

        Assert.Equal(1, report.HostsChecked); // the fresh host only; it has no projection yet
        Assert.Empty(report.Raised);
        Assert.Empty(_notified.Events);
    }
}
