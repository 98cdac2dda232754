using InfraFunctions.Agent.Delivery;

namespace InfraFunctions.Agent.Tests.Delivery;

public sealed class BackoffTests
{
    [Fact]
    public void DelaysDoubleWithJitterAndStopAtTheCap()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(7));

        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var cap = Math.Min(60, Math.Pow(2, attempt - 1));
            Assert.InRange(backoff.Next(attempt).TotalSeconds, cap / 2, cap);
        }
    }

    [Fact]
    public void JitterSpreadsAgentsThatFailedTogether()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(1));

        var delays = Enumerable.Range(0, 20).Select(_ => backoff.Next(5)).Distinct().Count();

        Assert.True(delays > 15);
    }
}
