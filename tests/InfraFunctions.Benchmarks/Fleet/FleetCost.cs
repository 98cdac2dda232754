using System.Globalization;
using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>
/// <c>fleet N</c>: N agents at the default cadence against LocalHost (the real worker) and Azurite, time-compressed,
/// counting what Azure bills: executions, instance time, Table Storage transactions and bytes, telemetry items and
/// bytes, SignalR messages. The counts are multiplied by the dated price table in <c>Fleet/prices.json</c>. The last
/// line is <c>cost: $X.XXX per host per month at 1,000 hosts</c>.
/// </summary>
public static class FleetCost
{
    /// <summary>Flex Consumption's smallest instance, the deployment's default (<c>instanceMemoryMB</c>).</summary>
    public const int InstanceMemoryMb = 512;

    /// <summary>
    /// HTTP executions one instance takes at once before the platform adds another: Flex Consumption's default HTTP
    /// concurrency for a 512 MB instance. More concurrency only lowers the bill, since it packs more executions into
    /// one instance's activity periods.
    /// </summary>
    public const int HttpConcurrencyPerInstance = 4;

    public static async Task RunAsync(string[] args)
    {
        var options = FleetOptions.Parse(args);
        Console.WriteLine($"fleet: {options.Hosts} hosts, {options.SimulatedMinutes} simulated minutes, {options.Concurrency} posts in flight, run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        await using var run = await FleetRun.StartAsync(options);
        var measurements = await run.MeasureAsync();
        var report = new CostReport(measurements, PriceTable.Load(), InstanceMemoryMb / 1024.0, HttpConcurrencyPerInstance);
        MeasurementsPrinter.Print(measurements, Console.Out);
        report.Print(Console.Out);
        var perHost = report.Total(1_000) / 1_000;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cost: ${perHost:F3} per host per month at 1,000 hosts"));
    }
}

/// <summary>The harness's arguments: <c>fleet [hosts] [--minutes M] [--concurrency C] [--app DIR] [--set Name=Value]...</c>.</summary>
public sealed record FleetOptions(int Hosts, int SimulatedMinutes, int Concurrency, string? AppDirectory, IReadOnlyDictionary<string, string?> Settings)
{
    public static FleetOptions Parse(string[] args)
    {
        var hosts = 1_000;
        var minutes = 10;
        var concurrency = 8;
        string? app = null;
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--minutes":
                    minutes = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--concurrency":
                    concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--app":
                    app = Path.GetFullPath(args[++i]);
                    break;
                case "--set":
                    var pair = args[++i].Split('=', 2);
                    settings[pair[0]] = pair.Length > 1 ? pair[1] : null;
                    break;
                default:
                    hosts = int.Parse(args[i], CultureInfo.InvariantCulture);
                    break;
            }
        }

        return new FleetOptions(hosts, minutes, concurrency, app, settings);
    }
}
