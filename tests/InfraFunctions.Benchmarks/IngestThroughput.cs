using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Storage;
using InfraFunctions.LocalHost.Worker;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Benchmarks;

/// <summary>
/// Samples per second through LocalHost's HTTP ingest into Azurite, against raw Azure.Data.Tables batch upserts of
/// the same entities into the same Azurite in the same run: the store's own limit. Both use the same concurrency.
/// </summary>
public static class IngestThroughput
{
    private const int SamplesPerPost = 100;

    public static async Task RunAsync(string[] args)
    {
        var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
        var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        await using var azurite = await AzuriteServer.StartAsync();
        var starting = Stopwatch.StartNew();
        await using var server = await LocalHostServer.StartAsync(azurite.ConnectionString);
        Console.WriteLine($"LocalHost start to ready (worker started, {await FunctionCountAsync(server)} functions loaded): {starting.Elapsed.TotalMilliseconds:F0} ms");
        var service = new TableServiceClient(azurite.ConnectionString);
        Console.WriteLine($"{workers} workers x {posts} posts x {SamplesPerPost} samples, Azurite on :{azurite.Port}");

        // Warm both paths once, then alternate rounds so drift in the machine's load hits both alike.
        var (http, raw) = await AlternatingRounds.RunAsync(
            3,
            async () =>
            {
                await HttpRoundAsync(server, workers, 2, "warm");
                await RawRoundAsync(service, workers, 2, "warm");
            },
            round => HttpRoundAsync(server, workers, posts, $"http{round}"),
            round => RawRoundAsync(service, workers, posts, $"raw{round}"));

        var h = AlternatingRounds.Median(http);
        var r = AlternatingRounds.Median(raw);
        Console.WriteLine($"HTTP ingest through LocalHost and the worker: {h:F0} samples/s (rounds: {AlternatingRounds.Join(http)})");
        Console.WriteLine($"Raw batch upserts:                            {r:F0} samples/s (rounds: {AlternatingRounds.Join(raw)})");
        Console.WriteLine($"Ratio (median of {http.Count}): {h / r:F2}  (goal >= 0.80)");
        await ProxyHop.RunAsync(server, 500);
    }

    private static async Task<int> FunctionCountAsync(LocalHostServer server) =>
        (await server.App.Services.GetRequiredService<WorkerSupervisor>().Ready).Functions.Count;

    private static async Task<double> HttpRoundAsync(LocalHostServer server, int workers, int posts, string tag)
    {
        var clients = new List<(HttpClient Client, string Host, byte[] Body)>();
        for (var w = 0; w < workers; w++)
        {
            var host = $"bench-{tag}-{w}";
            var (_, key) = await server.CreateAgentAsync(host);
            clients.Add((server.ClientWithBearer(key), host, []));
        }

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async c =>
        {
            for (var p = 0; p < posts; p++)
            {
                var batch = Samples.Batch(c.Host, Times(p));
                using var content = Samples.Gzip(Encoding.UTF8.GetBytes(batch.ToJsonString()));
                using var response = await c.Client.PostAsync("api/v1/ingest/samples", content);
                response.EnsureSuccessStatusCode();
            }
        }));
        stopwatch.Stop();
        clients.ForEach(c => c.Client.Dispose());
        return workers * posts * SamplesPerPost / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawRoundAsync(TableServiceClient service, int workers, int posts, string tag)
    {
        var template = JsonSerializer.Deserialize(Samples.Batch("x", [DateTimeOffset.UtcNow]).ToJsonString(), ContractsJsonContext.Default.SampleBatch)!.Samples[0];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            var partition = TableKeys.EncodeHostId($"raw-{tag}-{w}");
            for (var p = 0; p < posts; p++)
            {
                // The same entities ingest writes, built outside the timed store call's critical path as a client would.
                var entities = Times(p).Select(t => SampleEntityMapper.ToEntity(partition, template with { Timestamp = t }, 80)).ToArray();
                var table = service.GetTableClient(TableKeys.SamplesTable(entities[0].GetDateTimeOffset("ts")!.Value));
                await table.CreateIfNotExistsAsync();
                await table.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
            }
        }));
        stopwatch.Stop();
        return workers * posts * SamplesPerPost / stopwatch.Elapsed.TotalSeconds;
    }

    // Each post carries 100 consecutive 1 s samples; posts step back in time so no two overlap, all within one UTC day.
    private static IEnumerable<DateTimeOffset> Times(int post)
    {
        var end = DateTimeOffset.UtcNow.UtcDateTime.Date.AddHours(DateTimeOffset.UtcNow.Hour).AddMinutes(-1);
        var start = new DateTimeOffset(end, TimeSpan.Zero).AddSeconds(-(post + 1) * SamplesPerPost);
        return Enumerable.Range(0, SamplesPerPost).Select(i => start.AddSeconds(i));
    }
}
