using System.Diagnostics.Metrics;

namespace InfraFunctions.Core.Telemetry;

/// <summary>
/// The app's metric instruments. The names and tags are what the metrics endpoint's Azure Monitor queries read, so
/// they are kept stable; tag values come from small fixed sets to keep the number of series bounded.
/// </summary>
public static class InfraMetrics
{
    public const string IngestSamplesName = "infra.ingest.samples";
    public const string IngestBatchSizeName = "infra.ingest.batch_size";
    public const string TableWriteDurationName = "infra.table.write.duration";
    public const string RealtimeMessagesName = "infra.realtime.messages";
    public const string WebhookDeliveriesName = "infra.webhook.deliveries";
    public const string AlertEvaluationsName = "infra.alert.evaluations";

    public static readonly Counter<long> IngestSamples = InfraTelemetry.Meter.CreateCounter<long>(
        IngestSamplesName, "{sample}", "Samples posted by agents, by outcome (accepted or rejected) and, when rejected, the reason.");

    public static readonly Histogram<long> IngestBatchSize = InfraTelemetry.Meter.CreateHistogram<long>(
        IngestBatchSizeName, "{sample}", "Samples per ingest post.");

    public static readonly Histogram<double> TableWriteDuration = InfraTelemetry.Meter.CreateHistogram<double>(
        TableWriteDurationName, "ms", "Duration of an ingest's Table Storage writes, by table (samples or hosts).");

    public static readonly Counter<long> RealtimeMessages = InfraTelemetry.Meter.CreateCounter<long>(
        RealtimeMessagesName, "{message}", "Live updates to SignalR Service, by outcome: published, dropped (outbox full) or failed.");

    public static readonly Counter<long> WebhookDeliveries = InfraTelemetry.Meter.CreateCounter<long>(
        WebhookDeliveriesName, "{delivery}", "Alert webhook deliveries, by outcome: delivered or failed.");

    public static readonly Counter<long> AlertEvaluations = InfraTelemetry.Meter.CreateCounter<long>(
        AlertEvaluationsName, "{evaluation}", "Host batches evaluated against the alert thresholds, by result: raised, resolved or unchanged.");

    public static void RecordIngest(int accepted, IReadOnlyList<RejectedSample> rejected)
    {
        if (accepted > 0)
        {
            IngestSamples.Add(accepted, new KeyValuePair<string, object?>("outcome", "accepted"));
        }

        foreach (var group in rejected.GroupBy(r => RejectionReason.Of(r.Errors), StringComparer.Ordinal))
        {
            IngestSamples.Add(group.Count(), new("outcome", "rejected"), new("reason", group.Key));
        }
    }

    public static void RecordTableWrite(string table, TimeSpan elapsed) =>
        TableWriteDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("table", table));

    public static void RecordRealtime(string outcome) =>
        RealtimeMessages.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void RecordWebhook(bool delivered) =>
        WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", delivered ? "delivered" : "failed"));

    public static void RecordAlertEvaluation(string result) =>
        AlertEvaluations.Add(1, new KeyValuePair<string, object?>("result", result));
}
