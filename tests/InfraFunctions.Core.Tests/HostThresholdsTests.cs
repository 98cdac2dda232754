using InfraFunctions.Core.Health;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests;

public sealed class HostThresholdsTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    /// <summary>One function app instance's view of the table (each instance has its own cache).</summary>
    private HostThresholds Instance() => new(new TableStore(tables.Service), new Monitor(new ThresholdOptions()), _clock);

    [Fact]
    public async Task AChangeOnOneInstanceReachesAnotherWithinThirtySecondsAndAtOnceOnItself()
    {
        var (a, b) = (Instance(), Instance());
        var host = $"rack/7 #{Guid.NewGuid():N}"; // characters Table keys forbid
        Assert.Equal(70, (await b.ForHostAsync(host)).CpuWarning);

        await a.SetAsync(host, new ThresholdOverrides(CpuWarning: 50, DiskCritical: 99), "ops");

        Assert.Equal((50.0, 90.0, 99.0), await Levels(a));
        Assert.Equal((70.0, 90.0, 95.0), await Levels(b)); // remembered
        _clock.Advance(HostThresholds.CacheFor);
        Assert.Equal((50.0, 90.0, 99.0), await Levels(b));
        Assert.Equal(new ThresholdOverrides(CpuWarning: 50, DiskCritical: 99), (await a.AllAsync())[host]);
        Assert.Equal("ops", (await b.GetAsync(host))!.UpdatedBy);

        Assert.True(await a.ResetAsync(host));
        Assert.False(await a.ResetAsync(host));
        Assert.Equal((70.0, 90.0, 95.0), await Levels(a));
        Assert.Null(await b.GetAsync(host));

        async Task<(double, double, double)> Levels(HostThresholds instance)
        {
            var t = await instance.ForHostAsync(host);
            return (t.CpuWarning, t.CpuCritical, t.DiskCritical);
        }
    }

    [Fact]
    public void LevelsOutsideZeroToHundredOrAWarningNotBelowItsCriticalAreRefusedByName()
    {
        var defaults = ThresholdSet.From(new ThresholdOptions());

        Assert.Empty(new ThresholdOverrides(MemoryWarning: 10, MemoryCritical: 20).Validate(defaults));
        Assert.Equal(["disk_critical", "disk_warning"], new ThresholdOverrides(DiskWarning: -1, DiskCritical: 101).Validate(defaults).Keys.Order());
        Assert.Equal(["cpu_warning"], new ThresholdOverrides(CpuCritical: 60).Validate(defaults).Keys); // default warning 70 is not below 60
        Assert.Equal(["memory_warning"], new ThresholdOverrides(MemoryWarning: 90).Validate(defaults).Keys); // equal is not below
        Assert.True(new ThresholdOverrides().IsEmpty);
    }

    private sealed class Monitor(ThresholdOptions value) : IOptionsMonitor<ThresholdOptions>
    {
        public ThresholdOptions CurrentValue => value;

        public ThresholdOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ThresholdOptions, string?> listener) => null;
    }
}
