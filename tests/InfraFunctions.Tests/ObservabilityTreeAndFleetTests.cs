using System.Net;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>The traces endpoint's span trees and the metrics endpoint's fleet-wide part, through the real worker.</summary>
public sealed partial class ObservabilityApiTests
{
    private const string TraceColumns = """
        [{"name":"TimeGenerated","type":"datetime"},{"name":"SourceTable","type":"string"},{"name":"OperationId","type":"string"},{"name":"Id","type":"string"},{"name":"ParentId","type":"string"},{"name":"Name","type":"string"},{"name":"OperationName","type":"string"},{"name":"Target","type":"string"},{"name":"DependencyType","type":"string"},{"name":"DurationMs","type":"real"},{"name":"Success","type":"bool"},{"name":"ResultCode","type":"string"}]
        """;

    private const string FleetColumns = """
        [{"name":"Name","type":"string"},{"name":"Outcome","type":"string"},{"name":"Reason","type":"string"},{"name":"Result","type":"string"},{"name":"Sum","type":"real"},{"name":"Count","type":"long"},{"name":"Max","type":"real"}]
        """;

    private static readonly MonitorAnswer NoPlatformMetrics = new(200, """{"value":[]}""");

    [Fact]
    public async Task ATracesSpansComeBackAsATreeWithTheTableAndHttpCallsUnderTheIngestStepThatMadeThem()
    {
        // The workspace answers in no particular order: the HTTP call first, the request last.
        fixture.Monitor.ScriptFor("/query").Enqueue(new MonitorAnswer(200, $$"""
            {"tables":[{"name":"PrimaryResult","columns":{{TraceColumns}},"rows":[
            ["2026-11-27T10:00:00.060Z","AppDependencies","op-t","http","pub","POST /api/v1/hubs/observability","IngestSamples","sig.service.signalr.net","HTTP",12,true,"202"],
            ["2026-11-27T10:00:00.020Z","AppDependencies","op-t","tx","store","SubmitTransaction","IngestSamples","acct.table.core.windows.net","Azure table",25,true,"202"],
            ["2026-11-27T10:00:00.005Z","AppDependencies","op-t","val","req","ingest.validate","IngestSamples",null,"InProc",3,true,""],
            ["2026-11-27T10:00:00.055Z","AppDependencies","op-t","pub","req","ingest.publish","IngestSamples",null,"InProc",20,true,""],
            ["2026-11-27T10:00:00.019Z","AppDependencies","op-t","store","req","ingest.store","IngestSamples",null,"InProc",34,true,""],
            ["2026-11-27T10:00:00.048Z","AppDependencies","op-t","ups","store","UpsertEntity","IngestSamples","acct.table.core.windows.net","Azure table",4,true,"204"],
            ["2026-11-27T10:00:00Z","AppRequests","op-t","req","","IngestSamples","IngestSamples",null,null,80,true,"200"]]}]}
            """));

        var body = await (await fixture.Reader.GetAsync("api/v1/observability/traces?window=1h&operation=IngestSamples")).JsonAsync();

        using var request = JsonDocument.Parse(fixture.Monitor.Requests.Last(r => r.Path.EndsWith("/query", StringComparison.Ordinal)).Body);
        var sent = request.RootElement.GetProperty("query").GetString()!;
        Assert.Contains("union withsource=SourceTable AppRequests, AppDependencies", sent, StringComparison.Ordinal);
        Assert.Contains("OperationId, Id, ParentId", sent, StringComparison.Ordinal);
        var trace = Assert.Single(body.GetProperty("traces").EnumerateArray());
        Assert.Equal(("IngestSamples", 7, 80.0), (trace.GetProperty("operation").GetString(), trace.GetProperty("span_count").GetInt32(), trace.GetProperty("duration_ms").GetDouble()));
        var spans = trace.GetProperty("spans").EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()}@{s.GetProperty("depth").GetInt32()}").ToArray();
        Assert.Equal(
            ["IngestSamples@0", "ingest.validate@1", "ingest.store@1", "SubmitTransaction@2", "UpsertEntity@2", "ingest.publish@1", "POST /api/v1/hubs/observability@2"],
            spans);
        var upsert = trace.GetProperty("spans")[4];
        Assert.Equal(("store", 48.0, "Azure table"), (upsert.GetProperty("parent_id").GetString(), upsert.GetProperty("offset_ms").GetDouble(), upsert.GetProperty("type").GetString()));
        Assert.False(trace.GetProperty("spans")[0].TryGetProperty("parent_id", out _));
    }

    [Fact]
    public async Task MetricsAddUpEveryInstancesExportedInstrumentsFromAppMetricsAndLabelTheCountersAsThisInstances()
    {
        fixture.Monitor.ScriptFor("/metrics").Enqueue(NoPlatformMetrics);
        fixture.Monitor.ScriptFor("/query").Enqueue(new MonitorAnswer(200, $$"""
            {"tables":[{"name":"PrimaryResult","columns":{{FleetColumns}},"rows":[
            ["infra.ingest.samples","accepted","","",1200,40,1],
            ["infra.ingest.samples","rejected","out_of_range","",7,2,1],
            ["infra.ingest.samples","rejected","future_timestamp","",3,1,1],
            ["infra.realtime.messages","published","","",300,30,1],
            ["infra.realtime.messages","dropped","","",2,2,1],
            ["infra.webhook.deliveries","delivered","","",5,5,1],
            ["infra.webhook.deliveries","failed","","",1,1,1],
            ["infra.alert.evaluations","","","raised",4,4,1],
            ["infra.alert.evaluations","","","unchanged",96,20,1],
            ["infra.table.write.duration","","","",500,100,42.5]]}]}
            """));

        var body = await (await fixture.Reader.GetAsync("api/v1/observability/metrics?window=24h")).JsonAsync();

        var request = fixture.Monitor.Requests.Last(r => r.Path.EndsWith("/query", StringComparison.Ordinal));
        Assert.Equal($"/v1/workspaces/{ObservabilityFixture.Workspace}/query", request.Path);
        using var sent = JsonDocument.Parse(request.Body);
        Assert.Equal("P1D", sent.RootElement.GetProperty("timespan").GetString());
        var kql = sent.RootElement.GetProperty("query").GetString()!;
        Assert.StartsWith("AppMetrics", kql, StringComparison.Ordinal);
        foreach (var instrument in new[] { "infra.ingest.samples", "infra.realtime.messages", "infra.webhook.deliveries", "infra.alert.evaluations", "infra.table.write.duration" })
        {
            Assert.Contains($"'{instrument}'", kql, StringComparison.Ordinal);
        }

        Assert.Equal("this_instance", body.GetProperty("service").GetProperty("counters_scope").GetString());
        Assert.False(body.TryGetProperty("fleet_note", out _));
        var fleet = body.GetProperty("fleet");
        Assert.Equal(("azure_monitor", 1200L, 10L, 100L), (fleet.GetProperty("source").GetString(), fleet.GetProperty("accepted_samples").GetInt64(), fleet.GetProperty("rejected_samples").GetInt64(), fleet.GetProperty("alert_evaluations").GetInt64()));
        Assert.Equal("""{"out_of_range":7,"future_timestamp":3}""", fleet.GetProperty("rejected_by_reason").GetRawText());
        Assert.Equal("""{"published":300,"dropped":2}""", fleet.GetProperty("realtime_messages").GetRawText());
        Assert.Equal("""{"delivered":5,"failed":1}""", fleet.GetProperty("webhook_deliveries").GetRawText());
        Assert.Equal("""{"raised":4,"unchanged":96}""", fleet.GetProperty("alert_evaluations_by_result").GetRawText());
        var latency = fleet.GetProperty("table_write_latency_ms");
        Assert.Equal((5.0, 42.5, 100L), (latency.GetProperty("mean").GetDouble(), latency.GetProperty("max").GetDouble(), latency.GetProperty("writes").GetInt64()));
    }

    [Fact]
    public async Task WhenTheWorkspaceRefusesTheFleetQueryTheMetricsStillAnswerWithANoteSayingWhy()
    {
        fixture.Monitor.ScriptFor("/metrics").Enqueue(NoPlatformMetrics);
        fixture.Monitor.ScriptFor("/query").Enqueue(new MonitorAnswer(403, """{"error":{"code":"InsufficientAccessError","message":"The provided credentials have insufficient access."}}"""));

        using var response = await fixture.Reader.GetAsync("api/v1/observability/metrics?window=1h");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.TryGetProperty("fleet", out _));
        Assert.StartsWith("Fleet-wide figures are unavailable: Log Analytics answered 403", body.GetProperty("fleet_note").GetString(), StringComparison.Ordinal);
        Assert.Equal("this_instance", body.GetProperty("service").GetProperty("counters_scope").GetString());
    }

    [Fact]
    public async Task MetricsWithoutAWorkspaceHaveNoFleetPartAndTheNoteNamesTheSettingThatTurnsItOn()
    {
        using var reader = fixture.Unconfigured.ClientWithBearer(await fixture.Unconfigured.CreateTokenAsync());

        var body = await (await reader.GetAsync("api/v1/observability/metrics")).JsonAsync();

        Assert.False(body.TryGetProperty("fleet", out _));
        var note = body.GetProperty("fleet_note").GetString()!;
        Assert.Contains("set Monitor__WorkspaceId", note, StringComparison.Ordinal);
        Assert.Contains("this instance's only", note, StringComparison.Ordinal);
        Assert.Equal("this_instance", body.GetProperty("service").GetProperty("counters_scope").GetString());
    }
}
