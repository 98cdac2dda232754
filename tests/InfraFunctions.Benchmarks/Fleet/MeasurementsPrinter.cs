using System.Globalization;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>The run's counts, before prices, as the harness prints them.</summary>
public static class MeasurementsPrinter
{
    public static void Print(FleetMeasurements m, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("measured");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  post interval told to unwatched agents: {m.PostIntervalSeconds} s ({m.SamplesAccepted / (double)m.Posts:F1} samples a post)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  table transactions per post: {m.TransactionsPerPost:F2} ({string.Join(", ", m.TransactionsByKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value / (double)m.Posts:F2}"))}); entity operations in batches per post: {m.BatchOperationsPerPost:F2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  execution busy time per post (single posts, round trip): mean {m.PostSeconds.Average() * 1000:F1} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stored bytes per sample: {m.SampleBytes:F0} (the earlier row shape: {m.PreviousSampleBytes:F0}); hosts row {m.HostRowBytes:F0}; rollup row {m.RollupRowBytes:F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  telemetry per post: {m.IngestTelemetry.ItemsPerPost:F3} items, {m.IngestTelemetry.BytesPerPost:F0} bytes ({string.Join(", ", m.IngestTelemetry.ByType.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value.Items} items/{k.Value.Bytes:N0} B"))})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  metrics per export (per instance, every 60 s): {m.MetricItemsPerExport:F0} items, {m.MetricBytesPerExport:N0} bytes"));
        foreach (var t in m.Timers)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  timer {t.Name} ({t.Schedule}, {t.RunsPerMonth:N0} runs a month): {t.Seconds * 1000:F0} ms, {t.Transactions} transactions, {t.TelemetryBytes:N0} telemetry bytes at {m.Hosts} hosts"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  SignalR: one watched host {m.WatchedHostMessagesPerHour:N0} messages an hour ({m.WatchedHostMessageUnits} units each); the fleet view {m.FleetViewMessagesPerHostHour:N1} messages a host an hour ({m.FleetViewMessageUnits} units each)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Free_F1 (20,000 messages a day) covers {20_000 / Math.Max(1, m.WatchedHostMessagesPerHour * m.WatchedHostMessageUnits):F1} hours a day of one watched host, or {20_000 / Math.Max(1, m.FleetViewMessagesPerHostHour * m.FleetViewMessageUnits * 1000):F2} hours a day of the fleet view at 1,000 hosts"));
    }
}
