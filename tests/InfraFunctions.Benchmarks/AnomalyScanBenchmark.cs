using System.Diagnostics;
using System.Globalization;
using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Anomalies;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Benchmarks;

/// <summary>
/// The anomaly scan (cpu, memory, disk; seasonal baseline; disk forecast) of 30 days of hourly rollups plus 24 h of raw
/// samples at the 5 s cadence, for one host (goal under 50 ms) and for N hosts (default 100) one after another, to
/// show the cost grows linearly. In memory: the table reads are timed by the summary benchmark.
/// </summary>
public static class AnomalyScanBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Metrics = ["cpu", "memory", "disk"];

    public static void Run(string[] args)
    {
        var hosts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var data = Enumerable.Range(0, hosts).Select(Host).ToArray();
        Console.WriteLine($"Per host: {data[0].Raw.Count} raw samples (24 h + 1 h baseline at 5 s) and {data[0].Hourly.Count} hourly rollups (30 days)");

        for (var i = 0; i < 5; i++)
        {
            Scan(data[i % hosts]); // warm up the JIT
        }

        var single = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var t = Stopwatch.StartNew();
            var result = Scan(data[0]);
            single.Add(t.Elapsed.TotalMilliseconds);
            if (i == 0)
            {
                Console.WriteLine($"Host 0: {result.Anomalies.Count} anomalies, baselines {string.Join(", ", result.Baselines.Select(b => $"{b.Key}={b.Value}"))}, disk: {result.DiskForecast?.Message}");
            }
        }

        single.Sort();
        var median = single[single.Count / 2];
        Console.WriteLine($"One host: median {median:F1} ms, min {single[0]:F1} ms, max {single[^1]:F1} ms over 20 runs  (goal < 50 ms)");

        foreach (var n in new[] { hosts / 10, hosts / 2, hosts }.Where(n => n > 0).Distinct())
        {
            var t = Stopwatch.StartNew();
            for (var h = 0; h < n; h++)
            {
                Scan(data[h]);
            }

            var total = t.Elapsed.TotalMilliseconds;
            Console.WriteLine($"{n,4} hosts: {total,8:F0} ms total, {total / n,6:F1} ms per host, {total / (n * median):F2}x of n x one host");
        }
    }

    private static AnomalyFindings Scan((List<SampleRow> Raw, List<Rollup> Hourly) host) =>
        AnomalyAnalyzer.Run(host.Raw, host.Hourly, Metrics, AnomalySensitivity.Medium, Now.AddHours(-24), Now);

    private static (List<SampleRow> Raw, List<Rollup> Hourly) Host(int seed)
    {
        var random = new Random(seed);
        double Cycle(DateTimeOffset t, double mean, double amplitude) =>
            mean + (amplitude * Math.Sin(2 * Math.PI * t.UtcDateTime.TimeOfDay.TotalHours / 24)) + (random.NextDouble() - 0.5);

        var raw = new List<SampleRow>(25 * 720);
        for (var t = Now.AddHours(-25); t < Now; t = t.AddSeconds(5))
        {
            var spike = random.NextDouble() < 0.0005 ? 40 : 0;
            raw.Add(new SampleRow(t, Cycle(t, 40, 20) + spike, Cycle(t, 60, 5), 70 + ((t - Now).TotalDays * 2), 5, 1, 1000, 2000, 80));
        }

        var hourly = new List<Rollup>(720);
        for (var t = Now.AddDays(-30); t < Now; t = t.AddHours(1))
        {
            var metrics = new Dictionary<string, MetricRollup>
            {
                ["cpu"] = MetricRollup.Of([Cycle(t.AddMinutes(30), 40, 20)]),
                ["mem"] = MetricRollup.Of([Cycle(t.AddMinutes(30), 60, 5)]),
                ["disk"] = MetricRollup.Of([70 + ((t - Now).TotalDays * 2)]),
            };
            hourly.Add(new Rollup("bench", t, metrics, new Dictionary<string, IReadOnlyDictionary<string, MetricRollup>>()));
        }

        return (raw, hourly);
    }
}
