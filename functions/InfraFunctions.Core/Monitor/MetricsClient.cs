using System.Xml;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InfraFunctions.Core.Monitor;

/// <summary>
/// The Azure Monitor Metrics REST API:
/// <c>GET {endpoint}{resourceId}/providers/Microsoft.Insights/metrics?api-version=2023-10-01&amp;metricnames=...</c>.
/// </summary>
public sealed class MetricsClient(HttpPipeline pipeline, Uri endpoint)
{
    public const string ApiVersion = "2023-10-01";
    public const string Scope = "https://management.azure.com/.default";
    public const string ServiceName = "Azure Monitor Metrics";

    public static readonly Uri DefaultEndpoint = new(MonitorOptions.DefaultResourceManagerEndpoint);

    public async Task<IReadOnlyList<MetricSeries>> QueryAsync(
        string resourceId, IReadOnlyList<string> metricNames, DateTimeOffset from, DateTimeOffset to, TimeSpan interval, string aggregations, CancellationToken cancellationToken = default)
    {
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Get;
        var uri = new RequestUriBuilder();
        uri.Reset(endpoint);
        uri.AppendPath("/" + resourceId.Trim('/'), escape: false);
        uri.AppendPath("/providers/Microsoft.Insights/metrics", escape: false);
        uri.AppendQuery("api-version", ApiVersion);
        uri.AppendQuery("metricnames", string.Join(',', metricNames));
        uri.AppendQuery("timespan", $"{Iso(from)}/{Iso(to)}");
        uri.AppendQuery("interval", XmlConvert.ToString(interval));
        uri.AppendQuery("aggregation", aggregations);
        request.Uri = uri;
        using var doc = await MonitorPipeline.SendForJsonAsync(pipeline, message, ServiceName, cancellationToken);
        try
        {
            return Map(doc.RootElement);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A 200 whose body is not the documented shape is the service's failure, reported as such, not ours.
            throw new MonitorServiceException(ServiceName, System.Net.HttpStatusCode.OK, "UnexpectedResponse", $"the answer is not a metrics response ({ex.Message})");
        }
    }

    internal static IReadOnlyList<MetricSeries> Map(JsonElement root)
    {
        var list = new List<MetricSeries>();
        foreach (var metric in root.GetProperty("value").EnumerateArray())
        {
            var points = new List<MetricPoint>();
            foreach (var series in metric.GetProperty("timeseries").EnumerateArray())
            {
                foreach (var d in series.GetProperty("data").EnumerateArray())
                {
                    points.Add(new MetricPoint(
                        d.GetProperty("timeStamp").GetDateTimeOffset().ToUniversalTime(),
                        Number(d, "total"), Number(d, "average"), Number(d, "maximum"), Number(d, "count")));
                }
            }

            list.Add(new MetricSeries(metric.GetProperty("name").GetProperty("value").GetString() ?? string.Empty,
                metric.TryGetProperty("unit", out var unit) ? unit.GetString() ?? string.Empty : string.Empty, points));
        }

        return list;
    }

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
