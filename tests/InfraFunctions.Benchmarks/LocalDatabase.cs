using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Retention;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks;

/// <summary>
/// The size of the local Azurite file after days of one host at the default cadence (a sample every 5 s, as the
/// agent's own --once sample), with the hourly and daily rollups and the retention run.sh sets, and how long Azurite
/// then takes to start and answer. Azurite keeps every table in one JSON file, rewritten every 5 s and loaded whole.
/// </summary>
public static class LocalDatabase
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(string[] args)
    {
        var days = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var rawDays = args.Length > 1 ? args[1] : "1";
        await using var azurite = await AzuriteServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Retention:RawDays"] = rawDays, ["Retention:HourlyDays"] = "30", ["Retention:DailyDays"] = "365" };
        await using var core = CoreHarness.Create(azurite.ConnectionString, Start, settings);
        var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.TestData("agent-once.json"))).RootElement.GetProperty("samples")[0].GetRawText();
        var sample = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.Sample)!;
        Console.WriteLine($"{days} days of one host, a sample every 5 s ({json.Length} bytes of JSON, {sample.Processes?.Count ?? 0} processes), Retention:RawDays={rawDays}; Azurite on :{azurite.Port}");

        await core.IngestAsync("laptop", [Start]); // the hosts row, as a post writes it
        var samples = core.Get<SampleRepository>();
        var fill = Stopwatch.StartNew();
        for (var day = 0; day < days; day++)
        {
            // One day as posts of 6 samples (30 s), in parallel so a week takes minutes, not hours.
            var from = Start.AddDays(day);
            await FillDayAsync(samples, sample, from);

            // The day's timers, as LocalHost runs them: rollups every hour (here once, at the end of the day), then retention.
            core.Time.SetUtcNow(from.AddDays(1).AddMinutes(20));
            await core.Get<AggregationService>().RunHourlyAsync();
            await core.Get<AggregationService>().RunDailyAsync();
            var report = await core.Get<RetentionService>().RunAsync();
            Console.WriteLine($"day {day + 1}: 17280 samples written ({fill.Elapsed.TotalSeconds:F0} s so far); retention dropped {report.Dropped.Count} tables ({report.EntitiesDropped} entities), kept {string.Join(", ", report.KeptTables)}");
        }

        // Just before a retention run, the file holds the most it ever does: with RawDays=1, two whole days.
        await MeasureAsync(azurite, $"after {days} days and their retention runs (one raw day kept)");
        await azurite.StartAgainAsync();
        core.Time.SetUtcNow(Start.AddDays(days + 1).AddMinutes(20));
        await FillDayAsync(samples, sample, Start.AddDays(days));
        await MeasureAsync(azurite, $"after day {days + 1} too, before that day's retention run (the most the file holds)");
        await azurite.StartAgainAsync();
        var last = await core.Get<RetentionService>().RunAsync();
        Console.WriteLine($"retention dropped {last.Dropped.Count} tables");
        await MeasureAsync(azurite, "after it");
    }

    private static async Task FillDayAsync(SampleRepository samples, Sample sample, DateTimeOffset from)
    {
        var step = TimeSpan.FromSeconds(5);
        var perDay = (int)(TimeSpan.FromDays(1) / step);
        await Parallel.ForEachAsync(Enumerable.Range(0, perDay / 6), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (post, ct) =>
        {
            var batch = Enumerable.Range(post * 6, 6)
                .Select(k => (sample with { Timestamp = from + (step * k), Cpu = sample.Cpu with { Percent = k % 100 } }, 80.0, (string?)null))
                .ToArray();
            await samples.WriteAsync("laptop", batch, ct);
        });
    }

    /// <summary>Stops Azurite (it saves the file), reports the file's size, then times three starts to a first answer.</summary>
    private static async Task MeasureAsync(AzuriteServer azurite, string when)
    {
        await azurite.StopAsync();
        var file = Path.Combine(azurite.Location, "__azurite_db_table__.json");
        Console.WriteLine($"Azurite file {when}: {new FileInfo(file).Length / 1e6:F1} MB");
        for (var round = 1; round <= 3; round++)
        {
            var timer = Stopwatch.StartNew();
            await azurite.StartAgainAsync();
            var listening = timer.Elapsed;
            var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(TableNames.Hosts);
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1))
            {
                break;
            }

            Console.WriteLine($"  start {round}: listening after {listening.TotalMilliseconds:F0} ms, first query answered after {timer.Elapsed.TotalMilliseconds:F0} ms");
            await azurite.StopAsync();
        }
    }
}
