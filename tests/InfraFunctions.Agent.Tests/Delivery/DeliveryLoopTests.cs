namespace InfraFunctions.Agent.Tests.Delivery;

public sealed class DeliveryLoopTests
{
    [Fact]
    public async Task TheLoopPostsAfterTheFirstSampleAndThenWhenTheServerSays()
    {
        await using var server = await IngestRecorder.StartAsync();
        server.NextPostSeconds = 10;
        using var agent = new DeliveryHarness(server.Endpoint);
        agent.Enqueue(0, 1);
        await agent.Service.StartAsync(CancellationToken.None);

        // The loop runs on its own task: wait until it is waiting on the clock before moving the clock.
        await WaitForAsync(() => agent.Time.TimersCreated >= 1);
        agent.Time.Advance(TimeSpan.FromSeconds(6)); // sample interval + 1 s
        await WaitForAsync(() => server.Requests.Count == 1 && agent.Time.TimersCreated >= 2);
        agent.Enqueue(1, 1);
        agent.Time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(300); // a post due now would have been made in this time
        Assert.Single(server.Requests);
        agent.Time.Advance(TimeSpan.FromSeconds(1));
        await WaitForAsync(() => server.Requests.Count == 2);

        await agent.Service.StopAsync(CancellationToken.None);
        Assert.Equal([[0], [1]], server.Requests.Select(r => DeliveryHarness.Seconds(r.Batch)));
    }

    [Fact]
    public async Task DroppedSamplesAreReportedInTheNextBatchAndThenCleared()
    {
        await using var server = await IngestRecorder.StartAsync();
        using var agent = new DeliveryHarness(server.Endpoint, queueLimitBytes: 8 * 1024);
        agent.Enqueue(0, 200);
        var dropped = agent.Spool.DroppedSamples;

        await agent.Service.PostOnceAsync();
        agent.Enqueue(200, 1);
        await agent.Service.PostOnceAsync();

        Assert.True(dropped > 0);
        Assert.Equal([dropped, 0L], server.Requests.Select(r => r.Batch.DroppedSamples));
        Assert.Equal(200 - dropped, server.Requests.First().Batch.Samples.Count);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
