using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CsCheck;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Xunit.Abstractions;

namespace InfraFunctions.Tests;

public sealed partial class IngestPropertyTests(IngestPropertyFixture fixture, ITestOutputHelper output) : IClassFixture<IngestPropertyFixture>
{
    private static readonly string[] ReadRoutes =
    [
        "api/v1/observability/infrastructure/system", "api/v1/observability/infrastructure/process", "api/v1/observability/infrastructure/platform",
        "api/v1/observability/infrastructure/report", "api/v1/observability/infrastructure/summary", "api/v1/observability/alerts",
        "api/v1/observability/hosts", "api/v1/observability/metrics/prometheus",
    ];

    [Fact]
    public async Task RandomBatchesNeverGetA5xxAndEveryAcceptedCountIsWhatIsStored()
    {
        var now = DateTimeOffset.UtcNow;
        await RandomBatches.Batches(now).SampleAsync(
            CheckAsync,
            writeLine: output.WriteLine,
            iter: 150,
            threads: 2,
            print: Show);
    }

    private async Task CheckAsync(RandomBatch batch)
    {
        using var issue = new HttpRequestMessage(HttpMethod.Post, "api/v1/admin/agents")
        {
            Content = new StringContent($"{{\"host_ids\":[{RandomBatches.JsonLiteral(batch.HostId)}]}}", Encoding.UTF8, "application/json"),
        };
        issue.Headers.Add("x-functions-key", LocalHostServer.MasterKey);
        using var issued = await fixture.Server.Client.SendAsync(issue);
        NotServerError(issued, "POST /api/v1/admin/agents");
        if (issued.StatusCode != HttpStatusCode.Created)
        {
            Assert.True(batch.RandomHostId, $"a fresh valid host id was refused: {await issued.Content.ReadAsStringAsync()}");
            return;
        }

        var key = (await issued.JsonAsync()).GetProperty("key").GetString()!;
        using var agent = fixture.Server.ClientWithBearer(key);
        using var posted = await agent.PostAsync("api/v1/ingest/samples", new StringContent(batch.Body, Encoding.UTF8, "application/json"));
        var reply = await posted.Content.ReadAsStringAsync();
        NotServerError(posted, "POST /api/v1/ingest/samples", reply);
        var accepted = posted.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(reply).RootElement.GetProperty("accepted").GetInt32() : 0;
        if (posted.StatusCode == HttpStatusCode.OK)
        {
            Assert.True(accepted > 0, "a 200 accepted nothing");
        }

        Assert.Equal(accepted, await StoredRowsAsync(batch.HostId));
        foreach (var route in ReadRoutes)
        {
            using var read = await fixture.Reader.GetAsync(Http.Query(route, batch.HostId));
            NotServerError(read, $"GET {route}");
            Assert.True(accepted == 0 || read.StatusCode == HttpStatusCode.OK, $"GET {route} answered {(int)read.StatusCode} for a host with {accepted} stored samples");
        }
    }

    private static void NotServerError(HttpResponseMessage response, string what, string? body = null) =>
        Assert.True((int)response.StatusCode < 500, $"{what} answered {(int)response.StatusCode}: {body}");

    // Rows of the host in every day table the batch's samples can fall in (they are at most minutes old).
    private async Task<int> StoredRowsAsync(string hostId)
    {
        var partition = TableKeys.EncodeHostId(hostId);
        var today = DateTimeOffset.UtcNow;
        var rows = 0;
        foreach (var day in new[] { today.AddDays(-1), today }.Select(TableKeys.SamplesTable).Distinct())
        {
            try
            {
                await foreach (var _ in fixture.Tables.GetTableClient(day).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"]))
                {
                    rows++;
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // No samples were ever written that day.
            }
        }

        return rows;
    }

    // The shrunk input, with long strings shortened so the failure stays readable; the seed reproduces it whole.
    private static string Show(RandomBatch batch)
    {
        var body = LongString().Replace(batch.Body, m => $"\"<{m.Length} characters: {m.Value[1..41]}...>\"");
        return $"host_id {RandomBatches.JsonLiteral(batch.HostId)}, {batch.Body.Length.ToString(CultureInfo.InvariantCulture)} characters:\n{body}";
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"(?:[^\"\\\\]|\\\\.){200,}\"")]
    private static partial System.Text.RegularExpressions.Regex LongString();
}
