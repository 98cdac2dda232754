using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks;

/// <summary>
/// The fleet list at N hosts (each with three tags) through LocalHost and the real worker: the default pages of 500
/// followed to the end, the whole fleet as one page of 1,000 (what the unpaged list returned, plus tags), the first
/// page of 100 (what a first render needs), and a tag-filtered page; against the baseline of the raw table query of
/// every host's summary columns from this process, in alternating rounds of the same run. Bytes are the JSON as
/// served and gzip-compressed, per page and per host.
/// </summary>
public static class HostList
{
    private const string Hosts = "api/v1/observability/hosts";
    private const string Never = "0 0 0 1 1 *";

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        await using var azurite = await AzuriteServer.StartAsync(inMemory: true);
        await using var core = CoreHarness.Create(azurite.ConnectionString, DateTimeOffset.UtcNow);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(core, count);
        Console.WriteLine($"hostlist: {count} hosts posted through the ingest path and tagged in {seeding.Elapsed.TotalSeconds:F0} s, {rounds} rounds, run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        // No timers: the stale sweep would raise an alert for every host mid-run (their one sample ages), and the
        // fleet list reads the open alerts.
        await using var server = await LocalHostServer.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["STALE_HOSTS_SCHEDULE"] = Never,
            ["RETENTION_SCHEDULE"] = Never,
            ["AGGREGATION_HOURLY_SCHEDULE"] = Never,
            ["AGGREGATION_DAILY_SCHEDULE"] = Never,
            ["DISK_FORECAST_SCHEDULE"] = Never,
            ["WEBHOOK_REDELIVERY_SCHEDULE"] = Never,
        });
        using var reader = server.ClientWithBearer(await server.CreateTokenAsync());
        var repository = core.Get<HostRepository>();

        var arms = new (string Name, Func<Task<Walk>> Run)[]
        {
            ("raw table query, every host's summary columns (baseline)", async () => Walk.Of(await TimeAsync(async () => (await repository.ListAsync()).Count))),
            ("GET hosts, default pages of 500, followed to the end", () => WalkAsync(reader, $"{Hosts}", all: true)),
            ("GET hosts?limit=1000, the whole fleet in one page", () => WalkAsync(reader, $"{Hosts}?limit=1000", all: true)),
            ("GET hosts?limit=100, the first page", () => WalkAsync(reader, $"{Hosts}?limit=100", all: false)),
            ("GET hosts?tag=env:prod&limit=500, the first page", () => WalkAsync(reader, $"{Hosts}?tag=env:prod&limit=500", all: false)),
        };

        foreach (var arm in arms)
        {
            await arm.Run(); // warm-up
        }

        var results = arms.Select(_ => new List<Walk>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < arms.Length; i++)
            {
                results[i].Add(await arms[i].Run());
            }
        }

        var baseline = AlternatingRounds.Median(results[0].Select(w => w.Milliseconds).ToArray());
        for (var i = 0; i < arms.Length; i++)
        {
            var walk = results[i][^1];
            var median = AlternatingRounds.Median(results[i].Select(w => w.Milliseconds).ToArray());
            Console.WriteLine($"{arms[i].Name}:");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  median {median:F0} ms ({median / baseline:F2}x the table query; rounds {AlternatingRounds.Join(results[i].Select(w => w.Milliseconds))}), {walk.Hosts} hosts in {walk.Pages} pages"));
            if (walk.Pages > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  per page {median / walk.Pages:F0} ms, {walk.Bytes / walk.Pages:N0} bytes ({walk.GzipBytes / walk.Pages:N0} gzip); per host {(double)walk.Bytes / Math.Max(1, walk.Hosts):F0} bytes ({(double)walk.GzipBytes / Math.Max(1, walk.Hosts):F0} gzip), of which tags {(double)walk.TagBytes / Math.Max(1, walk.Hosts):F0}"));
            }
        }
    }

    private static async Task SeedAsync(CoreHarness core, int count)
    {
        var tags = core.Get<HostTagRepository>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var host = $"bench-{i:D5}";
                // Values and times that differ from host to host, as a real fleet's do, so gzip has no easy repeats.
                await core.IngestAsync(host, [core.Time.GetUtcNow().AddSeconds(-1 - (i * 7 % 60))], _ => i * 37 % 1000 / 10.01);
                await tags.SetAsync(host, TagSource.Agent, new Dictionary<string, string>
                {
                    ["env"] = i % 3 == 0 ? "prod" : "dev",
                    ["role"] = (i % 4) switch { 0 => "db", 1 => "web", 2 => "cache", _ => "worker" },
                    ["zone"] = $"eu-west-{i % 3 + 1}",
                });
            }
        }));
    }

    private static async Task<Walk> WalkAsync(HttpClient reader, string first, bool all)
    {
        var walk = new Walk();
        var watch = Stopwatch.StartNew();
        for (var next = first; next is not null;)
        {
            var body = await reader.GetByteArrayAsync(next);
            using var reply = JsonDocument.Parse(body);
            var hosts = reply.RootElement.GetProperty("hosts");
            walk = walk.Add(body, hosts.GetArrayLength(), hosts.EnumerateArray().Sum(h => h.GetProperty("tags").GetRawText().Length + 8));
            var token = reply.RootElement.GetProperty("next_page_token");
            next = all && token.ValueKind == JsonValueKind.String ? $"{first}{(first.Contains('?') ? '&' : '?')}page_token={Uri.EscapeDataString(token.GetString()!)}" : null;
        }

        return walk with { Milliseconds = watch.Elapsed.TotalMilliseconds };
    }

    private static async Task<(double Milliseconds, int Hosts)> TimeAsync(Func<Task<int>> read)
    {
        var watch = Stopwatch.StartNew();
        var hosts = await read();
        return (watch.Elapsed.TotalMilliseconds, hosts);
    }

    /// <summary>One arm's run: its time, pages, hosts and bytes (raw JSON, gzip, and the <c>tags</c> members alone).</summary>
    private sealed record Walk(double Milliseconds = 0, int Pages = 0, int Hosts = 0, long Bytes = 0, long GzipBytes = 0, long TagBytes = 0)
    {
        public static Walk Of((double Milliseconds, int Hosts) read) => new(read.Milliseconds, 0, read.Hosts);

        public Walk Add(byte[] body, int hosts, long tagBytes) =>
            this with { Pages = Pages + 1, Hosts = Hosts + hosts, Bytes = Bytes + body.Length, GzipBytes = GzipBytes + Gzip(body), TagBytes = TagBytes + tagBytes };

        private static long Gzip(byte[] body)
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(body);
            }

            return buffer.Length;
        }
    }
}
