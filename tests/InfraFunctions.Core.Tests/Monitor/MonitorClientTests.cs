using System.Diagnostics;
using System.Net;
using System.Text.Json;
using InfraFunctions.Core.Monitor;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Monitor;

/// <summary>The Log Analytics and Metrics clients against a loopback TLS server serving the documented shapes.</summary>
public sealed class MonitorClientTests : IAsyncLifetime
{
    private const string Workspace = "7a1c2e0b-0000-4000-8000-000000000001";
    private const string ResourceId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app";
    private readonly StaticTokenCredential _credential = new();
    private MonitorApiServer _server = null!;

    public async Task InitializeAsync() => _server = await MonitorApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static MonitorServiceException Throws(Func<Task> call) => Assert.IsType<MonitorServiceException>(Record.ExceptionAsync(call).GetAwaiter().GetResult());

    [Fact]
    public async Task ALogsQueryPostsTheKqlAndTimespanToTheWorkspaceWithABearerTokenForTheLogAnalyticsScope()
    {
        _server.Script.Enqueue(new MonitorAnswer(200, MonitorResponses.Traces()));
        var kql = TraceQuery.Build("IngestSamples", success: null);

        var result = await _server.Clients(_credential).Logs.QueryAsync(Workspace, kql, TimeSpan.FromHours(1));

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", $"/v1/workspaces/{Workspace}/query"), (request.Method, request.Path));
        Assert.Equal("Bearer test-token-for https://api.loganalytics.io/.default", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(kql, body.RootElement.GetProperty("query").GetString());
        Assert.Equal("PT1H", body.RootElement.GetProperty("timespan").GetString());
        Assert.Contains("union withsource=SourceTable AppRequests, AppDependencies", kql, StringComparison.Ordinal);
        Assert.Contains("| where OperationName == 'IngestSamples' or Name == 'IngestSamples'", kql, StringComparison.Ordinal);
        Assert.Null(result.PartialError);
        Assert.Equal(4, Assert.Single(result.Tables).Rows.Count);
    }

    [Fact]
    public async Task RowsAreGroupedIntoTracesByOperationIdWithSpansDurationsSuccessAndResultCodes()
    {
        _server.Script.Enqueue(new MonitorAnswer(200, MonitorResponses.Traces()));

        var result = await _server.Clients(_credential).Logs.QueryAsync(Workspace, TraceQuery.Build(null, null), TimeSpan.FromHours(1));
        var traces = TraceQuery.Map(result.Tables[0]);

        Assert.Equal(["op-2", "op-1"], traces.Select(t => t.OperationId));
        var ingest = traces[1];
        Assert.Equal(("IngestSamples", 3, false, "200"), (ingest.Operation, ingest.SpanCount, ingest.Success, ingest.ResultCode));
        Assert.Equal(120.5, ingest.DurationMs);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), ingest.Start);
        var send = ingest.Spans.Single(s => s.Id == "dep-2");
        Assert.Equal(("dependency", "req-1", "sig.service.signalr.net", "HTTP", 30.0, false, "503"), (send.Kind, send.ParentId, send.Target, send.Type, send.DurationMs, send.Success, send.ResultCode));
        Assert.Equal(("request", true), (ingest.Spans[0].Kind, ingest.Spans[0].Success));
        Assert.Equal((false, "500", 1), (traces[0].Success, traces[0].ResultCode, traces[0].SpanCount));
    }

    [Fact]
    public async Task APartialErrorKeepsTheRowsAndIsSurfacedWithItsDetails()
    {
        _server.Script.Enqueue(new MonitorAnswer(200, MonitorResponses.Traces(MonitorResponses.PartialError)));

        var result = await _server.Clients(_credential).Logs.QueryAsync(Workspace, "AppRequests", TimeSpan.FromMinutes(15));

        Assert.Equal(4, result.Tables[0].Rows.Count);
        Assert.Equal("PartialError: There were some errors when processing your query. (Query result set has exceeded the internal data size limit)", result.PartialError);
        Assert.Equal("PT15M", JsonDocument.Parse(Assert.Single(_server.Requests).Body).RootElement.GetProperty("timespan").GetString());
    }

    [Fact]
    public void UnauthorizedIsReportedWithTheServiceErrorCodeAndNotRetried()
    {
        _server.Script.Enqueue(new MonitorAnswer(401, MonitorResponses.Unauthorized));

        var ex = Throws(() => _server.Clients(_credential, maxRetries: 2).Logs.QueryAsync(Workspace, "AppRequests", TimeSpan.FromHours(1)));

        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidAuthenticationTokenAudience"), (ex.Status, ex.Code));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void TooManyRequestsCarriesTheRetryAfterWhenRetriesAreSpent()
    {
        _server.Script.Enqueue(new MonitorAnswer(429, MonitorResponses.Throttled, new Dictionary<string, string> { ["Retry-After"] = "7" }));

        var ex = Throws(() => _server.Clients(_credential).Metrics.QueryAsync(ResourceId, ["Http5xx"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), TimeSpan.FromMinutes(1), "Total"));

        Assert.Equal((HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7)), (ex.Status, ex.RetryAfter));
    }

    [Fact]
    public void AMetricsAnswerWithoutTheDocumentedValueListIsReportedAsTheServicesFailure()
    {
        _server.Script.Enqueue(new MonitorAnswer(200, "{\"cost\":0,\"interval\":\"PT1M\"}"));

        var ex = Throws(() => _server.Clients(_credential).Metrics.QueryAsync(ResourceId, ["Http5xx"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), TimeSpan.FromMinutes(1), "Total"));

        Assert.Equal((HttpStatusCode.OK, "UnexpectedResponse"), (ex.Status, ex.Code));
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedAfterTheDelayTheServiceAskedFor()
    {
        _server.Script.Enqueue(new MonitorAnswer(429, MonitorResponses.Throttled, new Dictionary<string, string> { ["Retry-After"] = "1" }));
        _server.Script.Enqueue(new MonitorAnswer(200, MonitorResponses.Traces()));
        var clock = Stopwatch.StartNew();

        var result = await _server.Clients(_credential, maxRetries: 1).Logs.QueryAsync(Workspace, "AppRequests", TimeSpan.FromHours(1));

        Assert.Equal(2, _server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
        Assert.Equal(4, result.Tables[0].Rows.Count);
    }

    [Fact]
    public void AServerErrorIsRetriedThenReported()
    {
        _server.Script.Enqueue(new MonitorAnswer(500, MonitorResponses.ServerError));
        _server.Script.Enqueue(new MonitorAnswer(500, MonitorResponses.ServerError));

        var ex = Throws(() => _server.Clients(_credential, maxRetries: 1).Logs.QueryAsync(Workspace, "AppRequests", TimeSpan.FromHours(1)));

        Assert.Equal((HttpStatusCode.InternalServerError, "InternalServerError"), (ex.Status, ex.Code));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task AMetricsQueryAsksForTheResourceMetricsWithApiVersionTimespanIntervalAndAggregation()
    {
        _server.Script.Enqueue(new MonitorAnswer(200, MonitorResponses.Metrics));
        var from = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

        var series = await _server.Clients(_credential).Metrics.QueryAsync(ResourceId, ["OnDemandFunctionExecutionCount", "Http5xx", "HttpResponseTime"], from, from.AddHours(1), TimeSpan.FromMinutes(1), "Total,Average");

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("GET", ResourceId + "/providers/Microsoft.Insights/metrics"), (request.Method, request.Path));
        Assert.Equal("Bearer test-token-for https://management.azure.com/.default", request.Authorization);
        var query = System.Web.HttpUtility.ParseQueryString(request.Query);
        Assert.Equal("2023-10-01", query["api-version"]);
        Assert.Equal("OnDemandFunctionExecutionCount,Http5xx,HttpResponseTime", query["metricnames"]);
        Assert.Equal("2026-11-27T10:00:00Z/2026-11-27T11:00:00Z", query["timespan"]);
        Assert.Equal(("PT1M", "Total,Average"), (query["interval"], query["aggregation"]));
        Assert.Equal(["OnDemandFunctionExecutionCount", "Http5xx", "HttpResponseTime"], series.Select(s => s.Name));
        Assert.Equal([12.0, 30.0], series[0].Data.Select(p => p.Total!.Value));
        Assert.Equal(("Seconds", 0.25, (double?)null), (series[2].Unit, series[2].Data[0].Average, series[2].Data[1].Average));
    }
}
