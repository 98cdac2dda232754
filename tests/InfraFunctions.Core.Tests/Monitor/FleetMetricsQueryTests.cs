using System.Text.Json;
using InfraFunctions.Core.Monitor;

namespace InfraFunctions.Core.Tests.Monitor;

public sealed class FleetMetricsQueryTests
{
    private static readonly string[] Columns = ["Name", "Outcome", "Reason", "Result", "Sum", "Count", "Max"];

    private static LogsTable Table(params object?[][] rows) =>
        new("PrimaryResult", Columns, rows.Select(r => r.Select(c => JsonSerializer.SerializeToElement(c)).ToArray()).ToArray());

    [Fact]
    public void AnEmptyWindowListsEveryKnownOutcomeAtZeroAndHasNoWriteLatency()
    {
        var fleet = FleetMetricsQuery.Map(Table());

        Assert.Equal(("azure_monitor", 0L, 0L, 0L), (fleet.Source, fleet.AcceptedSamples, fleet.RejectedSamples, fleet.AlertEvaluations));
        Assert.Equal(new Dictionary<string, long> { ["published"] = 0, ["dropped"] = 0 }, fleet.RealtimeMessages);
        Assert.Equal(new Dictionary<string, long> { ["delivered"] = 0, ["failed"] = 0 }, fleet.WebhookDeliveries);
        Assert.Empty(fleet.RejectedByReason);
        Assert.Null(fleet.TableWriteLatencyMs);
        Assert.Equal(fleet.AcceptedSamples, FleetMetricsQuery.Map(null).AcceptedSamples);
    }

    [Fact]
    public void WriteLatencyIsWeightedByEachRowsCountAndRejectionsAreSplitByReason()
    {
        var fleet = FleetMetricsQuery.Map(Table(
            ["infra.table.write.duration", "", "", "", 100.0, 10L, 30.0],
            ["infra.table.write.duration", "", "", "", 900.0, 30L, 80.5],
            ["infra.ingest.samples", "rejected", "out_of_range", "", 2.0, 2L, 1.0],
            ["infra.ingest.samples", "rejected", "", "", 1.0, 1L, 1.0],
            ["infra.ingest.samples", "accepted", "", "", "12", 3L, 1.0]));

        Assert.Equal(new FleetWriteLatency(25, 80.5, 40), fleet.TableWriteLatencyMs);
        Assert.Equal((12L, 3L), (fleet.AcceptedSamples, fleet.RejectedSamples));
        Assert.Equal(new Dictionary<string, long> { ["out_of_range"] = 2 }, fleet.RejectedByReason);
    }

    [Fact]
    public void TheQueryIsFixedTextOverAppMetricsNamingEveryInstrument()
    {
        var kql = FleetMetricsQuery.Build();

        Assert.StartsWith("AppMetrics\n| where Name in ('infra.ingest.samples', ", kql, StringComparison.Ordinal);
        Assert.All(FleetMetricsQuery.Instruments, i => Assert.Contains($"'{i}'", kql, StringComparison.Ordinal));
        Assert.Contains("tostring(Properties['outcome'])", kql, StringComparison.Ordinal);
        Assert.Equal(kql, FleetMetricsQuery.Build());
    }
}
