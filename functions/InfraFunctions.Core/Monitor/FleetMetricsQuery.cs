using InfraFunctions.Core.Telemetry;

namespace InfraFunctions.Core.Monitor;

/// <summary>The KQL behind the fleet part of <c>metrics</c>, over <c>AppMetrics</c>, and the mapping of its rows.</summary>
public static class FleetMetricsQuery
{
    public const string Source = "azure_monitor";

    // Instruments of the InfraFunctions meter, which the exporter names as they are in AppMetrics.
    public const string IngestSamples = InfraMetrics.IngestSamplesName;
    public const string RealtimeMessages = InfraMetrics.RealtimeMessagesName;
    public const string WebhookDeliveries = InfraMetrics.WebhookDeliveriesName;
    public const string AlertEvaluations = InfraMetrics.AlertEvaluationsName;
    public const string TableWriteDuration = InfraMetrics.TableWriteDurationName;

    public static readonly IReadOnlyList<string> Instruments = [IngestSamples, RealtimeMessages, WebhookDeliveries, AlertEvaluations, TableWriteDuration];

    /// <summary>
    /// One row per instrument and tag combination. The text is fixed: the window travels as the request's timespan,
    /// so nothing a caller sends is part of the query.
    /// </summary>
    public static string Build() => string.Join('\n',
    [
        "AppMetrics",
        $"| where Name in ({string.Join(", ", Instruments.Select(i => $"'{i}'"))})",
        "| summarize Sum = sum(Sum), Count = sum(ItemCount), Max = max(Max)",
        "    by Name, Outcome = tostring(Properties['outcome']), Reason = tostring(Properties['reason']), Result = tostring(Properties['result'])",
    ]);

    /// <summary>Adds up the rows; a tag value missing from every row counts zero, so the known outcomes are always listed.</summary>
    public static FleetMetrics Map(LogsTable? table)
    {
        var rows = table is null ? [] : Rows(table).ToArray();
        long Total(string name, string? outcome = null) =>
            (long)Math.Round(rows.Where(r => r.Name == name && (outcome is null || r.Outcome == outcome)).Sum(r => r.Sum));
        IReadOnlyDictionary<string, long> By(string name, Func<Row, string> key, params string[] known)
        {
            var sums = known.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);
            foreach (var group in rows.Where(r => r.Name == name && key(r).Length > 0).GroupBy(key, StringComparer.Ordinal))
            {
                sums[group.Key] = (long)Math.Round(group.Sum(r => r.Sum));
            }

            return sums;
        }

        var writes = rows.Where(r => r.Name == TableWriteDuration).ToArray();
        var count = (long)Math.Round(writes.Sum(r => r.Count));
        var latency = count > 0
            ? new FleetWriteLatency(Math.Round(writes.Sum(r => r.Sum) / count, 3), Math.Round(writes.Max(r => r.Max), 3), count)
            : null;
        return new FleetMetrics(
            Source,
            Total(IngestSamples, "accepted"),
            Total(IngestSamples, "rejected"),
            By(IngestSamples, r => r.Outcome == "rejected" ? r.Reason : string.Empty),
            By(RealtimeMessages, r => r.Outcome, "published", "dropped"),
            By(WebhookDeliveries, r => r.Outcome, "delivered", "failed"),
            Total(AlertEvaluations),
            By(AlertEvaluations, r => r.Result),
            latency);
    }

    private static IEnumerable<Row> Rows(LogsTable table)
    {
        var (name, outcome, reason, result, sum, count, max) =
            (table.Column("Name"), table.Column("Outcome"), table.Column("Reason"), table.Column("Result"), table.Column("Sum"), table.Column("Count"), table.Column("Max"));
        return table.Rows.Select(r => new Row(Text(r, name), Text(r, outcome), Text(r, reason), Text(r, result), Number(r, sum), Number(r, count), Number(r, max)));
    }

    private static string Text(JsonElement[] row, int i) =>
        i >= 0 && row[i].ValueKind == JsonValueKind.String ? row[i].GetString() ?? string.Empty : string.Empty;

    private static double Number(JsonElement[] row, int i) =>
        i < 0 ? 0
        : row[i].ValueKind == JsonValueKind.Number ? row[i].GetDouble()
        : row[i].ValueKind == JsonValueKind.String && double.TryParse(row[i].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
        : 0;

    private sealed record Row(string Name, string Outcome, string Reason, string Result, double Sum, double Count, double Max);
}
