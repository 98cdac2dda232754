using InfraFunctions.Core.Health;

namespace InfraFunctions.Core.Tests;

public sealed class HealthScoreTests
{
    [Fact]
    public void DocumentedExampleInputsScoreSixtyPointFiveByTheFormula()
    {
        // cpu 45.2, memory 53.1, disk 50, no warnings: 100 - 13.56 - 15.93 - 10 = 60.51 (README "Health" gives the formula).
        Assert.Equal(60.5, HealthScore.Compute(45.2, 53.1, 50, warnings: 0, critical: 0));
    }

    [Fact]
    public void WarningsCostFivePointsAndCriticalsFifteen()
    {
        Assert.Equal(100 - 5 - 15 - 15, HealthScore.Compute(0, 0, 0, warnings: 1, critical: 2));
    }

    [Fact]
    public void ScoreIsClampedToZeroAndHundred()
    {
        Assert.Equal(0, HealthScore.Compute(100, 100, 100, warnings: 0, critical: 3));
        Assert.Equal(100, HealthScore.Compute(0, 0, 0, 0, 0));
    }

    [Theory]
    [InlineData(100, "healthy")]
    [InlineData(90, "healthy")]
    [InlineData(89.9, "degraded")]
    [InlineData(89, "degraded")]
    [InlineData(70, "degraded")]
    [InlineData(69, "warning")]
    [InlineData(50, "warning")]
    [InlineData(49, "critical")]
    [InlineData(0, "critical")]
    public void LevelsFollowTheDocumentedBands(double score, string level) =>
        Assert.Equal(level, HealthScore.Level(score));
}
