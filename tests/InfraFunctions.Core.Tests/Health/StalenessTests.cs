using CsCheck;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Options;

namespace InfraFunctions.Core.Tests.Health;

public sealed class StalenessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheLimitIsThreeIntervalsByDefaultAndFollowsTheStaleAfterIntervalsSetting()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), new Staleness(new IngestOptions()).Limit(30));
        Assert.Equal(TimeSpan.FromSeconds(150), new Staleness(new IngestOptions { StaleAfterIntervals = 5 }).Limit(30));
    }

    [Fact]
    public void AHostSilentForExactlyTheLimitIsStillReportingAndOneSecondMoreIsStale()
    {
        var staleness = new Staleness(new IngestOptions { StaleAfterIntervals = 5 });

        Assert.False(staleness.IsStale(Now.AddSeconds(-150), 30, Now));
        Assert.True(staleness.IsStale(Now.AddSeconds(-151), 30, Now));
        Assert.False(new Staleness(new IngestOptions()).IsStale(Now.AddSeconds(-120), 60, Now));
    }

    [Fact]
    public void AnIntervalBelowOneSecondCountsAsOneSoSuchAHostStillGoesStale()
    {
        var staleness = new Staleness(new IngestOptions());

        Assert.Equal(TimeSpan.FromSeconds(3), staleness.Limit(0));
        Assert.True(staleness.IsStale(Now.AddSeconds(-4), -5, Now));
    }

    [Fact]
    public void AHostIsStaleExactlyWhenItsSilenceExceedsItsIntervalTimesTheSetting() =>
        Gen.Select(Gen.Int[1, 100], Gen.Int[1, 3600], Gen.Int[0, 400_000])
            .Sample((intervals, interval, silentSeconds) =>
                new Staleness(new IngestOptions { StaleAfterIntervals = intervals }).IsStale(Now.AddSeconds(-silentSeconds), interval, Now)
                == (silentSeconds > (long)intervals * interval));
}
