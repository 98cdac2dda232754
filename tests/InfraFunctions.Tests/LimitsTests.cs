using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class LimitsTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task ATwoMebibyteBodyIsRefusedAsTooLarge()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, [DateTimeOffset.UtcNow]);
        batch["padding"] = new string('x', 2 * 1024 * 1024);

        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(batch));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AGzipBombIsStoppedAtTheLimitWithoutInflatingIt()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        // 1 GiB of zeros compresses to about 1 MiB... use 200 MiB: ~200 KiB on the wire, far past the 1 MiB limit inflated.
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 200; i++)
            {
                gzip.Write(zeros);
            }
        }

        var before = GC.GetTotalAllocatedBytes(precise: false);
        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await agent.PostAsync("api/v1/ingest/samples", content);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - before;

        Assert.True(compressed.Length < 1024 * 1024);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(allocated < 64L * 1024 * 1024, $"handling the bomb allocated {allocated / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task BodyThatIsNotGzipDespiteTheHeaderIsABadRequest()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"not\":\"gzip\"}"));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await agent.PostAsync("api/v1/ingest/samples", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnOsNameTooLongToStoreRefusesTheBatchAndWritesNothing()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, [DateTimeOffset.UtcNow.AddSeconds(-1)]);
        batch["platform"]!["os"] = new string('x', 200_000);

        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("the limit is 256 bytes", problem.GetProperty("errors").GetProperty("platform.os")[0].GetString(), StringComparison.Ordinal);
        using var system = await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", host));
        await system.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await StoredRowsAsync(host));
    }

    [Fact]
    public async Task ASampleOverABoundIsRejectedByIndexWhileTheRestOfItsBatchIsStored()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 4, TimeSpan.FromSeconds(5)), (s, i) =>
        {
            if (i == 1)
            {
                s["processes"]![0]!["name"] = new string('東', 100);
            }
            else if (i == 2)
            {
                s["timestamp"] = s["timestamp"]!.GetValue<string>().TrimEnd('Z');
            }
        });

        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.JsonAsync();
        Assert.Equal(2, reply.GetProperty("accepted").GetInt32());
        var rejected = reply.GetProperty("rejected").EnumerateArray().ToArray();
        Assert.Equal([1, 2], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("processes[0].name: is 300 bytes long in UTF-8; the limit is 256 bytes.", rejected[0].GetProperty("errors")[0].GetString());
        Assert.StartsWith("timestamp: Expected an ISO-8601 timestamp with Z or an offset", rejected[1].GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await StoredRowsAsync(host));
    }

    [Fact]
    public async Task TheLargestSampleThatCanBeStoredIsStoredWholeAndReadBack()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        // Between 28,000 and 30,000 characters of JSON: just under what one string property stores.
        var batch = Samples.Batch(host, [DateTimeOffset.UtcNow.AddSeconds(-1)], (s, _) =>
        {
            var disk = s["disks"]![0]!.AsObject();
            s["disks"] = new JsonArray(Enumerable.Range(0, 24).Select(i =>
            {
                var d = disk.DeepClone();
                d["mount"] = $"/{i:D2}" + new string('m', 950);
                return d;
            }).ToArray());
        });
        Assert.InRange(batch["samples"]![0]!.ToJsonString().Length, 28_000, 30_000);

        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("accepted").GetInt32());
        var system = await (await fixture.Reader.GetAsync(Http.Query("api/v1/observability/infrastructure/system", host))).JsonAsync();
        Assert.Equal(24, system.GetProperty("disks").GetArrayLength());
    }

    [Fact]
    public async Task NegativeDroppedSamplesOrIntervalRefuseTheBatch()
    {
        var host = Http.NewHostId();
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, [DateTimeOffset.UtcNow.AddSeconds(-1)]);
        batch["dropped_samples"] = -1;
        batch["sample_interval_seconds"] = -5;

        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(batch));

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("dropped_samples", out _));
        Assert.True(errors.TryGetProperty("sample_interval_seconds", out _));
        Assert.Equal(0, await StoredRowsAsync(host));
    }

    [Fact]
    public async Task TheAdminApiRefusesAHostIdThatIngestCannotStore()
    {
        // 128 characters, but 2,688 UTF-16 code units: too long for a table key.
        var id = string.Concat(Enumerable.Repeat("e" + new string('\u0301', 20), 128));

        using var response = await fixture.Server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "api/v1/admin/agents", new { host_ids = new[] { id } }));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("as a table key; the limit is 480", problem.GetProperty("errors").GetProperty("host_ids[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLongestHostIdTheAdminApiIssuesAKeyForIsStoredByIngest()
    {
        // 8 + 118 characters, 8 + 472 code units once encoded: exactly the limit.
        var id = Guid.NewGuid().ToString("N")[..8] + string.Concat(Enumerable.Repeat("/\u0301", 118));
        var (_, key) = await fixture.Server.CreateAgentAsync(id);
        using var agent = fixture.Server.ClientWithBearer(key);

        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(id, [DateTimeOffset.UtcNow.AddSeconds(-1)])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await StoredRowsAsync(id));
    }

    // The host's rows in the day tables its samples (a second old) can fall in.
    private async Task<int> StoredRowsAsync(string hostId)
    {
        var rows = 0;
        foreach (var day in new[] { DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow }.Select(TableKeys.SamplesTable).Distinct())
        {
            try
            {
                await foreach (var _ in fixture.Tables.GetTableClient(day).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.EncodeHostId(hostId)}"), select: ["RowKey"]))
                {
                    rows++;
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // No sample was ever written that day.
            }
        }

        return rows;
    }
}
