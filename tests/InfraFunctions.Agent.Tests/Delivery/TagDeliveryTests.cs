using InfraFunctions.Agent.Delivery;

namespace InfraFunctions.Agent.Tests.Delivery;

public sealed class TagDeliveryTests
{
    [Fact]
    public async Task EveryBatchCarriesTheConfiguredTags()
    {
        await using var server = await IngestRecorder.StartAsync();
        using var agent = new DeliveryHarness(server.Endpoint, tags: new SortedDictionary<string, string>(StringComparer.Ordinal) { ["env"] = "prod", ["team.name"] = "db ops" });

        agent.Enqueue(0, 2);
        await agent.Service.PostOnceAsync();
        agent.Enqueue(2, 1);
        await agent.Service.PostOnceAsync();

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["team.name"] = "db ops" }, r.Batch.Tags));
    }

    [Fact]
    public async Task AnAgentWithoutTagsSendsAnEmptyMapSoTheServerDropsTagsItNoLongerHas()
    {
        await using var server = await IngestRecorder.StartAsync();
        using var agent = new DeliveryHarness(server.Endpoint);

        agent.Enqueue(0, 1);
        await agent.Service.PostOnceAsync();

        var batch = Assert.Single(server.Requests).Batch;
        Assert.NotNull(batch.Tags);
        Assert.Empty(batch.Tags);
    }
}
