namespace InfraFunctions.Core.Monitor;

/// <summary>
/// Sums over the window of the app's own instruments as every instance exported them to Application Insights, read
/// back from the workspace's <c>AppMetrics</c> table. Keys of the dictionaries are the instruments' tag values.
/// </summary>
public sealed record FleetMetrics(
    string Source,
    long AcceptedSamples,
    long RejectedSamples,
    IReadOnlyDictionary<string, long> RejectedByReason,
    IReadOnlyDictionary<string, long> RealtimeMessages,
    IReadOnlyDictionary<string, long> WebhookDeliveries,
    long AlertEvaluations,
    IReadOnlyDictionary<string, long> AlertEvaluationsByResult,
    FleetWriteLatency? TableWriteLatencyMs);
