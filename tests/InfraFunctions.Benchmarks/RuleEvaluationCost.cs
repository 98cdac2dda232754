using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Rules;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Benchmarks;

/// <summary>
/// Ingest with 50 rules defined, 5 of them matching the host, against the same ingest with the built-in rules alone
/// (the six built-in levels), in the same run with alternating rounds. Through <see cref="IngestService"/> into a real
/// Azurite, not through the worker: the difference is a few rule steps per sample, which the HTTP hop and the
/// worker's own variance would drown; every table read and write of ingest and evaluation is still real.
/// </summary>
public static class RuleEvaluationCost
{
    private const int SamplesPerPost = 12;
    private const int Hosts = 4;

    public static async Task RunAsync(string[] args)
    {
        var posts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        // INFRA_TEST_TABLES names an Azurite already running; otherwise the run starts its own, in memory.
        await using var azurite = AzuriteServer.SharedConnectionString is null ? await AzuriteServer.StartAsync(inMemory: true) : null;
        var tables = azurite?.ConnectionString ?? AzuriteServer.SharedConnectionString!;
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var builtIn = BuiltInRules.Thresholds(new ThresholdOptions(), new AlertOptions());
        await using var plain = Harness(tables, start, builtIn);
        await using var ruled = Harness(tables, start, [.. builtIn, .. Rules()]);
        foreach (var h in Enumerable.Range(0, Hosts))
        {
            await ruled.Get<HostTagRepository>().SetAsync($"bench-rules-{h}", TagSource.Operator, new Dictionary<string, string> { ["env"] = "bench" });
        }

        Console.WriteLine($"{Hosts} hosts x {posts} posts x {SamplesPerPost} samples a round, {rounds} rounds; Azurite {(azurite is null ? "from INFRA_TEST_TABLES" : $"on :{azurite.Port}")}");
        var clock = new Dictionary<CoreHarness, DateTimeOffset> { [plain] = start, [ruled] = start };
        var (none, fifty) = await AlternatingRounds.RunAsync(
            rounds,
            async () =>
            {
                await RoundAsync(plain, "bench-plain", 3, clock);
                await RoundAsync(ruled, "bench-rules", 3, clock);
            },
            _ => RoundAsync(plain, "bench-plain", posts, clock),
            _ => RoundAsync(ruled, "bench-rules", posts, clock));

        var n = AlternatingRounds.Median(none);
        var f = AlternatingRounds.Median(fifty);
        Console.WriteLine($"Built-in rules only (6 levels):            {n:F0} samples/s (rounds: {AlternatingRounds.Join(none)})");
        Console.WriteLine($"50 rules defined, 5 matching (+10 levels): {f:F0} samples/s (rounds: {AlternatingRounds.Join(fifty)})");
        Console.WriteLine($"Ratio (median of {none.Count}): {f / n:F2}  (goal >= 0.90)");
    }

    private static CoreHarness Harness(string connectionString, DateTimeOffset now, IReadOnlyList<RuleDefinition> rules) =>
        CoreHarness.Create(connectionString, now, services: s => s.AddSingleton<IRuleSource>(new FixedRules(rules)));

    /// <summary>45 rules for other hosts or tags, and 5 for these hosts (every host, or their tag), none of them reached.</summary>
    private static IEnumerable<RuleDefinition> Rules()
    {
        string[] metrics = ["disk.percent{mount=/}", "process.cpu_percent{name=dotnet}", MetricNames.Load1m, MetricNames.NetworkConnections, MetricNames.SwapPercent];
        for (var i = 0; i < 50; i++)
        {
            var scope = i switch
            {
                < 25 => new RuleScope(Host: $"elsewhere-{i}"),
                < 45 => new RuleScope(Tags: new Dictionary<string, string> { ["env"] = $"other-{i}" }),
                < 48 => new RuleScope(Tags: new Dictionary<string, string> { ["env"] = "bench" }),
                _ => RuleScope.All,
            };
            yield return new RuleDefinition($"rule-{i:x12}", $"Rule {i}", metrics[i % metrics.Length], scope, RuleConditions.Above, 5_000, 10_000, 60, 5, [], 0);
        }
    }

    private static async Task<double> RoundAsync(CoreHarness core, string prefix, int posts, Dictionary<CoreHarness, DateTimeOffset> clock)
    {
        var envelopes = new List<IngestEnvelope>[Hosts];
        var from = clock[core];
        for (var h = 0; h < Hosts; h++)
        {
            envelopes[h] = [.. Enumerable.Range(0, posts).Select(p => Envelope($"{prefix}-{h}", from.AddSeconds(p * SamplesPerPost * 5)))];
        }

        clock[core] = from.AddSeconds(posts * SamplesPerPost * 5);
        core.Time.SetUtcNow(clock[core]);
        var ingest = core.Get<IngestService>();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(envelopes.Select(async list =>
        {
            foreach (var envelope in list)
            {
                await ingest.IngestAsync(envelope);
            }
        }));
        return Hosts * posts * SamplesPerPost / stopwatch.Elapsed.TotalSeconds;
    }

    private static IngestEnvelope Envelope(string host, DateTimeOffset from) =>
        JsonSerializer.Deserialize(Samples.Batch(host, Enumerable.Range(0, SamplesPerPost).Select(i => from.AddSeconds(i * 5))).ToJsonString(), ContractsJsonContext.Default.IngestEnvelope)!;

    private sealed class FixedRules(IReadOnlyList<RuleDefinition> rules) : IRuleSource
    {
        public TimeSpan CacheFor => TimeSpan.Zero;

        public ValueTask<IReadOnlyList<RuleDefinition>> ListAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(rules);
    }
}
