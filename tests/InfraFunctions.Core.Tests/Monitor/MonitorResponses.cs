namespace InfraFunctions.Core.Tests.Monitor;

/// <summary>Response bodies in the documented shapes of the Log Analytics query API and the Metrics API.</summary>
public static class MonitorResponses
{
    public const string TraceColumns = """
        [{"name":"TimeGenerated","type":"datetime"},{"name":"SourceTable","type":"string"},{"name":"OperationId","type":"string"},
         {"name":"Id","type":"string"},{"name":"ParentId","type":"string"},{"name":"Name","type":"string"},{"name":"OperationName","type":"string"},
         {"name":"Target","type":"string"},{"name":"DependencyType","type":"string"},{"name":"DurationMs","type":"real"},
         {"name":"Success","type":"bool"},{"name":"ResultCode","type":"string"}]
        """;

    public const string TraceRows = """
        [["2026-11-27T10:00:00.000Z","AppRequests","op-1","req-1","op-1","IngestSamples","IngestSamples",null,null,120.5,true,"200"],
         ["2026-11-27T10:00:00.010Z","AppDependencies","op-1","dep-1","req-1","samples20261127","IngestSamples","acct.table.core.windows.net","Azure table",40.25,true,"204"],
         ["2026-11-27T10:00:00.060Z","AppDependencies","op-1","dep-2","req-1","POST /api/hubs/observability/:send","IngestSamples","sig.service.signalr.net","HTTP",30,false,"503"],
         ["2026-11-27T10:05:00.000Z","AppRequests","op-2","req-2","op-2","Hosts","Hosts",null,null,15,false,"500"]]
        """;

    public static string Traces(string? error = null) =>
        $$"""{"tables":[{"name":"PrimaryResult","columns":{{TraceColumns}},"rows":{{TraceRows}}}]{{(error is null ? string.Empty : "," + error)}}}""";

    public const string PartialError = """
        "error":{"code":"PartialError","message":"There were some errors when processing your query.","details":[{"code":"EngineError","message":"Query result set has exceeded the internal data size limit","innererror":{"code":"E_QUERY_RESULT_SET_TOO_LARGE"}}]}
        """;

    public const string Unauthorized = """{"error":{"code":"InvalidAuthenticationTokenAudience","message":"The access token has been obtained for wrong audience or resource."}}""";

    public const string Throttled = """{"error":{"code":"TooManyRequests","message":"Rate limit exceeded."}}""";

    public const string ServerError = """{"error":{"code":"InternalServerError","message":"Something went wrong."}}""";

    public const string Metrics = """
        {"cost":0,"timespan":"2026-11-27T10:00:00Z/2026-11-27T11:00:00Z","interval":"PT1M","namespace":"Microsoft.Web/sites","resourceregion":"westeurope",
         "value":[
          {"id":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app/providers/Microsoft.Insights/metrics/OnDemandFunctionExecutionCount","type":"Microsoft.Insights/metrics",
           "name":{"value":"OnDemandFunctionExecutionCount","localizedValue":"On Demand Function Execution Count"},"displayDescription":"","unit":"Count","errorCode":"Success",
           "timeseries":[{"metadatavalues":[],"data":[{"timeStamp":"2026-11-27T10:00:00Z","total":12.0,"average":1.0},{"timeStamp":"2026-11-27T10:01:00Z","total":30.0,"average":1.0}]}]},
          {"id":"x","type":"Microsoft.Insights/metrics","name":{"value":"Http5xx","localizedValue":"Http Server Errors"},"unit":"Count","errorCode":"Success",
           "timeseries":[{"metadatavalues":[],"data":[{"timeStamp":"2026-11-27T10:00:00Z","total":0.0},{"timeStamp":"2026-11-27T10:01:00Z","total":2.0}]}]},
          {"id":"y","type":"Microsoft.Insights/metrics","name":{"value":"HttpResponseTime","localizedValue":"Response Time"},"unit":"Seconds","errorCode":"Success",
           "timeseries":[{"metadatavalues":[],"data":[{"timeStamp":"2026-11-27T10:00:00Z","average":0.25},{"timeStamp":"2026-11-27T10:01:00Z"}]}]}]}
        """;
}
