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
        var started = agent.Time.GetUtcNow();
        await agent.Service.StartAsync(CancellationToken.None);

        // The loop runs on its own task: each step waits until the loop has scheduled its next post on the clock.
        Assert.Equal(started + TimeSpan.FromSeconds(6), await agent.Time.NextScheduledAsync()); // sample interval + 1 s
        agent.Time.Advance(TimeSpan.FromSeconds(6));
        var second = await agent.Time.NextScheduledAsync();
        Assert.Single(server.Requests);
        Assert.Equal(agent.Time.GetUtcNow() + TimeSpan.FromSeconds(10), second);

        // One second short of the post the server asked for: the loop's wait did not end, so it has not posted.
        agent.Enqueue(1, 1);
        var fired = agent.Time.Fired;
        agent.Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(fired, agent.Time.Fired);
        Assert.Single(server.Requests);

        agent.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(fired + 1, agent.Time.Fired);
        await agent.Time.NextScheduledAsync();
        Assert.Equal(2, server.Requests.Count);

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
}
