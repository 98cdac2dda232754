using System.Xml;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InfraFunctions.Core.Monitor;

/// <summary>
/// The Log Analytics query REST API: <c>POST {endpoint}/v1/workspaces/{id}/query</c> with
/// <c>{"query": KQL, "timespan": "PT1H"}</c>. Azure.Monitor.Query is not served here, so this is the whole client.
/// </summary>
public sealed class LogAnalyticsClient(HttpPipeline pipeline, Uri endpoint)
{
    public const string Scope = "https://api.loganalytics.io/.default";
    public const string ServiceName = "Log Analytics";

    public static readonly Uri DefaultEndpoint = new(MonitorOptions.DefaultLogAnalyticsEndpoint);

    public async Task<LogsQueryResult> QueryAsync(string workspaceId, string query, TimeSpan timespan, CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new Uri(endpoint, $"/v1/workspaces/{Uri.EscapeDataString(workspaceId)}/query"));
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Prefer", "wait=60");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(
            new LogsQueryBody(query, XmlConvert.ToString(timespan)), MonitorJsonContext.Default.LogsQueryBody));
        using var doc = await MonitorPipeline.SendForJsonAsync(pipeline, message, ServiceName, cancellationToken);
        return Map(doc.RootElement);
    }

    internal static LogsQueryResult Map(JsonElement root)
    {
        var tables = new List<LogsTable>();
        if (root.TryGetProperty("tables", out var list))
        {
            foreach (var t in list.EnumerateArray())
            {
                var columns = t.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString() ?? string.Empty).ToArray();
                var rows = t.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.Clone()).ToArray()).ToArray();
                tables.Add(new LogsTable(t.GetProperty("name").GetString() ?? string.Empty, columns, rows));
            }
        }

        string? partial = null;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            var text = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            var details = error.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Array
                ? string.Join("; ", d.EnumerateArray().Select(x => x.TryGetProperty("message", out var dm) ? dm.GetString() : null).Where(x => !string.IsNullOrEmpty(x)))
                : string.Empty;
            partial = $"{code}: {text}{(details.Length > 0 ? $" ({details})" : string.Empty)}";
        }

        return new LogsQueryResult(tables, partial);
    }
}
