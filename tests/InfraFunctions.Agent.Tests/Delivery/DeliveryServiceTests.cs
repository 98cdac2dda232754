using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using InfraFunctions.Agent.Delivery;

namespace InfraFunctions.Agent.Tests.Delivery;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in DisposeAsync, as xunit's IAsyncLifetime does.")]
public sealed class DeliveryServiceTests : IAsyncLifetime
{
    private IngestRecorder server = null!;
    private DeliveryHarness agent = null!;

    public async Task InitializeAsync()
    {
        server = await IngestRecorder.StartAsync();
        agent = new DeliveryHarness(server.Endpoint);
    }

    public async Task DisposeAsync()
    {
        agent.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task PostsGzipJsonWithTheBearerKeyAndAcknowledgesTheBatch()
    {
        agent.Enqueue(0, 3);

        var delay = await agent.Service.PostOnceAsync();

        var request = Assert.Single(server.Requests);
        Assert.Equal(("Bearer " + DeliveryHarness.Key, "gzip"), (request.Authorization, request.ContentEncoding));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal([0x1f, 0x8b], request.Body[..2]);
        var batch = request.Batch;
        Assert.Equal(("host-a", 1, 0L, 5.0), (batch.HostId, batch.SchemaVersion, batch.DroppedSamples, batch.SampleIntervalSeconds));
        Assert.Equal([0, 1, 2], DeliveryHarness.Seconds(batch));
        Assert.Equal(TimeSpan.FromSeconds(30), delay);
        Assert.Empty(agent.Spool.ReadPending(100, long.MaxValue).Records);
    }

    [Theory]
    [InlineData(45, 45)]
    [InlineData(2, 2)]
    [InlineData(1, 2)]
    [InlineData(0, 2)]
    public async Task TheNextPostFollowsNextPostSecondsButNeverSoonerThanTwoSeconds(int nextPostSeconds, int expected)
    {
        server.NextPostSeconds = nextPostSeconds;
        agent.Enqueue(0, 1);

        Assert.Equal(TimeSpan.FromSeconds(expected), await agent.Service.PostOnceAsync());
        Assert.Equal(TimeSpan.FromSeconds(expected), await agent.Service.PostOnceAsync()); // nothing queued: wait as told
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task ThrottlingIsHonouredThroughRetryAfterAndTheSameSamplesAreSentAgain(int status)
    {
        agent.Enqueue(0, 2);
        server.Script.Enqueue(new ScriptedReply(status, RetryAfter: "7"));

        Assert.Equal(TimeSpan.FromSeconds(7), await agent.Service.PostOnceAsync());
        Assert.Equal(TimeSpan.FromSeconds(30), await agent.Service.PostOnceAsync());

        Assert.Equal([[0, 1], [0, 1]], server.Requests.Select(r => DeliveryHarness.Seconds(r.Batch)));
        Assert.Empty(agent.Spool.ReadPending(100, long.MaxValue).Records);
    }

    [Fact]
    public async Task RejectedSamplesGoToQuarantineWithTheReasonsAndAreNotRetried()
    {
        agent.Enqueue(0, 3);
        server.Script.Enqueue(new ScriptedReply(200, """{"accepted":2,"rejected":[{"index":1,"errors":["cpu.percent must be 0-100"]}],"next_post_seconds":30}"""));

        await agent.Service.PostOnceAsync();
        await agent.Service.PostOnceAsync();

        Assert.Single(server.Requests);
        var line = Assert.Single(File.ReadAllLines(agent.Quarantine.Path));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("cpu.percent must be 0-100", json.RootElement.GetProperty("errors")[0].GetString());
        Assert.Equal("2026-11-27T10:00:01Z", json.RootElement.GetProperty("sample").GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task ABatchWithNothingAcceptedIsQuarantinedFromItsFourHundredReply()
    {
        agent.Enqueue(0, 2);
        server.Script.Enqueue(new ScriptedReply(400, """{"accepted":0,"rejected":[{"index":0,"errors":["a"]},{"index":1,"errors":["b"]}],"next_post_seconds":30}"""));

        await agent.Service.PostOnceAsync();

        Assert.Equal(2, File.ReadAllLines(agent.Quarantine.Path).Length);
        Assert.Empty(agent.Spool.ReadPending(100, long.MaxValue).Records);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task ARefusedKeyKeepsEverySampleAndRetriesSlowly(int status)
    {
        agent.Enqueue(0, 2);
        server.Script.Enqueue(new ScriptedReply(status));

        Assert.Equal(DeliveryService.RefusedRetry, await agent.Service.PostOnceAsync());

        Assert.Equal(2, agent.Spool.ReadPending(100, long.MaxValue).Records.Count);
        Assert.False(File.Exists(agent.Quarantine.Path));
    }

    [Fact]
    public async Task ServerErrorsBackOffExponentiallyWithJitterAndKeepTheSamples()
    {
        agent.Enqueue(0, 1);
        for (var i = 0; i < 4; i++)
        {
            server.Script.Enqueue(new ScriptedReply(500));
        }

        var delays = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            delays.Add((await agent.Service.PostOnceAsync()).TotalSeconds);
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.InRange(delays[i], Math.Pow(2, i) / 2, Math.Pow(2, i));
        }

        Assert.Equal(TimeSpan.FromSeconds(30), await agent.Service.PostOnceAsync());
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task AnUnreachableServerBacksOffAndKeepsTheSamples()
    {
        using var unreachable = new DeliveryHarness(new Uri($"http://127.0.0.1:{FreePort()}/"));
        unreachable.Enqueue(0, 2);

        var first = await unreachable.Service.PostOnceAsync();
        var second = await unreachable.Service.PostOnceAsync();

        Assert.InRange(first.TotalSeconds, 0.5, 1);
        Assert.InRange(second.TotalSeconds, 1, 2);
        Assert.Equal(2, unreachable.Spool.ReadPending(100, long.MaxValue).Records.Count);
    }

    [Fact]
    public async Task ATooLargeBatchIsHalvedUntilTheServerTakesIt()
    {
        agent.Enqueue(0, 8);
        server.Script.Enqueue(new ScriptedReply(413));

        Assert.Equal(TimeSpan.Zero, await agent.Service.PostOnceAsync());
        await agent.Service.PostOnceAsync();
        await agent.Service.PostOnceAsync();

        Assert.Equal([8, 4, 4], server.Requests.Select(r => r.Batch.Samples.Count));
        Assert.Empty(agent.Spool.ReadPending(100, long.MaxValue).Records);
    }

    [Fact]
    public async Task ABacklogDrainsAtTheFastestPaceTheServerAllows()
    {
        agent.Enqueue(0, 600);

        Assert.Equal(DeliveryService.MinPostInterval, await agent.Service.PostOnceAsync());
        Assert.Equal(TimeSpan.FromSeconds(30), await agent.Service.PostOnceAsync());

        Assert.Equal([500, 100], server.Requests.Select(r => r.Batch.Samples.Count));
        Assert.Equal(Enumerable.Range(0, 600), server.Requests.SelectMany(r => DeliveryHarness.Seconds(r.Batch)));
    }

    [Fact]
    public async Task ASampleTakenWhileAPostIsInFlightWaitsForTheServersPace()
    {
        agent.Enqueue(0, 1);
        server.WhileAnswering = () => agent.Enqueue(1, 1);

        Assert.Equal(TimeSpan.FromSeconds(30), await agent.Service.PostOnceAsync());

        server.WhileAnswering = null;
        await agent.Service.PostOnceAsync();
        Assert.Equal([[0], [1]], server.Requests.Select(r => DeliveryHarness.Seconds(r.Batch)));
    }

    [Fact]
    public async Task ABatchCutAtTheByteLimitCountsAsABacklog()
    {
        agent.Enqueue(0, 3);
        var batch = agent.Spool.ReadPending(100, maxBytes: 1);

        Assert.Single(batch.Records);
        Assert.True(batch.Truncated);
        Assert.False(agent.Spool.ReadPending(3, long.MaxValue).Truncated);
        Assert.True(agent.Spool.ReadPending(2, long.MaxValue).Truncated);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
