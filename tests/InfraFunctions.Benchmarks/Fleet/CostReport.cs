using System.Globalization;
using InfraFunctions.Core.Options;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>Turns one run's counts into a month's bill at several fleet sizes, by the dated price table.</summary>
public sealed class CostReport(FleetMeasurements m, PriceTable prices, double instanceMemoryGb, int concurrencyPerInstance)
{
    public const double SecondsPerMonth = 30 * 86_400;
    public const double HoursPerMonth = 30 * 24;
    private const double Gb = 1e9;

    public static readonly int[] FleetSizes = [10, 100, 1_000, 10_000];

    public sealed record Line(string Item, string Quantity, double Dollars);

    public IReadOnlyList<Line> Lines(int hosts)
    {
        var scale = (double)hosts / m.Hosts;
        var posts = hosts * SecondsPerMonth / m.PostIntervalSeconds;
        var timerRuns = m.Timers.Sum(t => (double)t.RunsPerMonth);
        var executions = posts + timerRuns;

        var billedSeconds = BilledInstanceSecondsPerMonth(hosts, scale);
        var gbSeconds = billedSeconds * instanceMemoryGb;

        var transactions = (posts * m.TransactionsPerPost) + m.Timers.Sum(t => t.RunsPerMonth * Math.Max(1, t.Transactions * scale));
        var retention = new RetentionOptions();
        var perHostBytes = (m.SampleBytes * (86_400.0 / FleetBatches.SampleIntervalSeconds) * retention.RawDays)
            + (m.RollupRowBytes * ((24.0 * retention.HourlyDays) + retention.DailyDays))
            + m.HostRowBytes;
        var capacityGb = hosts * perHostBytes / Gb;

        var metricExports = SecondsPerMonth / 60;
        var telemetryGb = ((posts * m.IngestTelemetry.BytesPerPost)
            + (metricExports * m.MetricBytesPerExport)
            + m.Timers.Sum(t => t.RunsPerMonth * t.TelemetryBytes * Math.Max(1, scale))) / Gb;

        return
        [
            new("executions", $"{executions:N0}", prices.Charge("functions_flex_executions", executions)),
            new($"execution time ({instanceMemoryGb * 1024:F0} MB)", $"{gbSeconds:N0} GB-s", prices.Charge("functions_flex_execution_time", gbSeconds)),
            new("table transactions", $"{transactions:N0}", prices.Charge("table_transactions", transactions)),
            new("table capacity", $"{capacityGb:N2} GB", prices.Charge("table_capacity", capacityGb)),
            new("telemetry", $"{telemetryGb:N2} GB", prices.Charge("log_analytics_ingestion", telemetryGb)),
            new("SignalR (Free_F1, nobody watching)", "0 messages", prices.Charge("signalr_free", 30)),
            new("Static Web App (Free)", "1", prices.Charge("static_web_app_free", 1)),
        ];
    }

    public double Total(int hosts) => Lines(hosts).Sum(l => l.Dollars);

    public void Print(TextWriter output)
    {
        var sizes = FleetSizes;
        output.WriteLine();
        output.WriteLine($"{"item",-36}" + string.Concat(sizes.Select(s => $"{s.ToString("N0", CultureInfo.InvariantCulture) + " hosts",22}")));
        var byItem = sizes.Select(Lines).ToArray();
        for (var i = 0; i < byItem[0].Count; i++)
        {
            output.WriteLine($"{byItem[0][i].Item,-36}" + string.Concat(byItem.Select(lines => $"{Dollars(lines[i].Dollars),22}")));
            output.WriteLine($"{"  quantity",-36}" + string.Concat(byItem.Select(lines => $"{lines[i].Quantity,22}")));
        }

        output.WriteLine($"{"total a month",-36}" + string.Concat(sizes.Select(s => $"{Dollars(Total(s)),22}")));
        output.WriteLine($"{"per host a month",-36}" + string.Concat(sizes.Select(s => $"{Dollars(Total(s) / s),22}")));
        output.WriteLine();
        foreach (var meter in prices.Meters.Values)
        {
            output.WriteLine($"  price {meter.Name}: {meter.PricePerUnit.ToString("0.#########", CultureInfo.InvariantCulture)} per {meter.Unit}, {meter.FreePerMonth:N0} free; as of {meter.AsOf}; {meter.Source}");
        }
    }

    private static string Dollars(double value) => value < 1 ? $"${value:F4}" : $"${value:N2}";

    // One simulated hour of posts and the timers that run at least hourly; the daily ones are their own periods.
    private double BilledInstanceSecondsPerMonth(int hosts, double scale)
    {
        var hourly = new List<(double Start, double Duration)>();
        double dailySeconds = 0;
        foreach (var timer in m.Timers)
        {
            var seconds = Math.Max(0.05, timer.Seconds * scale);
            var perHour = timer.RunsPerMonth / HoursPerMonth;
            if (perHour >= 1)
            {
                for (var r = 0; r < (int)Math.Round(perHour); r++)
                {
                    hourly.Add((r * 3600 / Math.Round(perHour), seconds));
                }
            }
            else
            {
                dailySeconds += timer.RunsPerMonth * Math.Max(FlexBilling.MinimumPeriodSeconds, seconds);
            }
        }

        var hour = FlexBilling.BilledSecondsPerHour(hosts, m.PostIntervalSeconds, m.PostSeconds, hourly, concurrencyPerInstance);
        return (hour * HoursPerMonth) + dailySeconds;
    }
}
