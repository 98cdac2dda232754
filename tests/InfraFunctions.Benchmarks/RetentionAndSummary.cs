using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Retention;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks;

/// <summary>
/// Retention: time to drop 5 expired day tables holding N rows against 10N rows, refilled before each run, in
/// alternating rounds after a warm-up (goal: 10x the rows under 1.5x the median time). Each run also counts the
/// storage requests retention sends, which must not grow with rows at all. Summary: a 30d summary from
/// hourly rollups against a raw scan of the same 30 days, in the same run.
/// </summary>
public static class RetentionAndSummary
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 30, 0, TimeSpan.Zero);

    public static async Task RetentionAsync(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        await using var azurite = await AzuriteServer.StartAsync();
        await using var core = CoreHarness.Create(azurite.ConnectionString, Now);
        Console.WriteLine($"{n} vs {10 * n} rows over 5 expired days, {rounds} rounds after a warm-up of {n}, Azurite on :{azurite.Port}");
        // Retention runs on its own client, the app's own code on top, so its storage requests can be counted.
        var requests = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerRetry);
        var store = new TableStore(new TableServiceClient(azurite.ConnectionString, options));
        var retention = new RetentionService(store, new TableStats(store), core.Time, Microsoft.Extensions.Options.Options.Create(new InfraFunctions.Core.Options.RetentionOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<RetentionService>.Instance);
        var counted = new Dictionary<int, List<int>> { [n] = [], [10 * n] = [] };
        Task<double> Run(int rows, string label) => TimeRetentionAsync(core, retention, requests, rows, label, counted);

        // One store for the whole run, as the app has: every run drops all it was given, so the next fill starts clean.
        // The warm-up is of N only: it readies the same code paths, and a 10N fill would add minutes of setup.
        var (small, large) = await AlternatingRounds.RunAsync(
            rounds,
            () => Run(n, "warm-up"),
            round => Run(n, $"round {round}"),
            round => Run(10 * n, $"round {round}"));

        var (smallMedian, largeMedian) = (AlternatingRounds.Median(small), AlternatingRounds.Median(large));
        Console.WriteLine($"Retention of {n} rows: median {smallMedian:F0} ms (rounds: {AlternatingRounds.Join(small)})");
        Console.WriteLine($"Retention of {10 * n} rows: median {largeMedian:F0} ms (rounds: {AlternatingRounds.Join(large)})");
        Console.WriteLine($"Ratio 10N/N (medians of {rounds}): {largeMedian / smallMedian:F2}  (goal < 1.5)");
        Console.WriteLine($"Storage requests per run: {string.Join("/", counted[n].Distinct())} for {n} rows, {string.Join("/", counted[10 * n].Distinct())} for {10 * n} rows");
    }

    public static async Task SummaryAsync(string[] args)
    {
        var minutes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1;
        await using var azurite = await AzuriteServer.StartAsync();
        await using var core = CoreHarness.Create(azurite.ConnectionString, Now.AddDays(-30));
        var step = TimeSpan.FromMinutes(minutes);
        var count = (int)(TimeSpan.FromDays(30) / step);
        var fill = Stopwatch.StartNew();
        await FillAsync(core.Get<SampleRepository>(), "bench-1", Now.AddDays(-30), count, step);
        await core.IngestAsync("bench-1", [Now.AddDays(-30)]); // the hosts row, as a post writes it
        core.Time.SetUtcNow(Now);
        await core.Get<AggregationService>().RunHourlyAsync();
        Console.WriteLine($"{count} raw rows over 30 days written and rolled up hourly in {fill.Elapsed.TotalSeconds:F0} s");

        var (tiered, raw) = (new List<double>(), new List<double>());
        for (var round = 0; round < 3; round++)
        {
            var t = Stopwatch.StartNew();
            var read = await core.Get<TieredSummaryReader>().ReadAsync("bench-1", Now.AddDays(-30), Now);
            _ = read.Series();
            tiered.Add(t.Elapsed.TotalMilliseconds);
            t.Restart();
            var rows = await core.Get<SampleRepository>().ReadRowsAsync("bench-1", Now.AddDays(-30), Now);
            _ = SummaryBuilder.Series(rows);
            raw.Add(t.Elapsed.TotalMilliseconds);
            Console.WriteLine($"round {round}: rollups {tiered[^1]:F0} ms ({read.RollupRowsRead} rollup + {read.RawRowsRead} raw rows), raw scan {raw[^1]:F0} ms ({rows.Count} rows)");
        }

        var (a, b) = (tiered.Order().ElementAt(1), raw.Order().ElementAt(1));
        Console.WriteLine($"30d summary from rollups: {a:F0} ms; raw scan: {b:F0} ms; raw/rollups = {b / a:F1}x, rollups/raw = {a / b:F3}");
    }

    private static async Task<double> TimeRetentionAsync(CoreHarness core, RetentionService retention, RequestCounter requests, int rows, string label, Dictionary<int, List<int>> counted)
    {
        var fill = Stopwatch.StartNew();
        var perDay = rows / 5;
        var stats = core.Get<TableStats>();
        await Parallel.ForEachAsync(Enumerable.Range(36, 5), new ParallelOptions { MaxDegreeOfParallelism = 5 }, async (daysAgo, ct) =>
        {
            var day = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-daysAgo);
            // Ten hosts a day; the counters are what the hourly rollups would have recorded.
            for (var h = 0; h < 10; h++)
            {
                var perHost = perDay / 10;
                var step = TimeSpan.FromDays(1) / perHost;
                await FillAsync(core.Get<SampleRepository>(), $"host-{h}", day, perHost, step, ct);
                for (var hour = 0; hour < 24; hour++)
                {
                    var inHour = Enumerable.Range(0, perHost).Count(i => (int)(step * i).TotalHours == hour);
                    await stats.RecordRollupAsync(RollupTier.Hourly, $"host-{h}", day.AddHours(hour), inHour, ct);
                }
            }
        });
        fill.Stop();

        var before = requests.Count;
        var timer = Stopwatch.StartNew();
        var report = await retention.RunAsync();
        timer.Stop();
        var sent = requests.Count - before;
        if (label != "warm-up")
        {
            counted[rows].Add(sent);
        }
        Console.WriteLine($"{label}: filled {rows} rows in {fill.Elapsed.TotalSeconds:F0} s; dropped {report.Dropped.Count} tables holding {report.EntitiesDropped} entities in {timer.Elapsed.TotalMilliseconds:F0} ms with {sent} storage requests");
        if (report.Dropped.Count != 5)
        {
            throw new InvalidOperationException($"Expected the 5 filled day tables to be dropped, not {report.Dropped.Count}: the rounds would not be comparable.");
        }

        return timer.Elapsed.TotalMilliseconds;
    }

    private static async Task FillAsync(SampleRepository samples, string host, DateTimeOffset from, int count, TimeSpan step, CancellationToken cancellationToken = default)
    {
        var template = Samples.Batch(host, [from]);
        var sample = System.Text.Json.JsonSerializer.Deserialize(template["samples"]![0]!.ToJsonString(), ContractsJsonContext.Default.Sample)! with { Processes = null };
        for (var i = 0; i < count; i += 1000)
        {
            var chunk = Enumerable.Range(i, Math.Min(1000, count - i))
                .Select(k => (sample with { Timestamp = from + (step * k), Cpu = sample.Cpu with { Percent = k % 100 } }, 80.0))
                .ToArray();
            await samples.WriteAsync(host, chunk, cancellationToken);
        }
    }

    /// <summary>Counts every request (and retry) a Table Storage client sends.</summary>
    private sealed class RequestCounter : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override void OnSendingRequest(Azure.Core.HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
