using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Channels;

namespace InfraFunctions.Core.Webhooks;

/// <summary>
/// The requests that carry an alert event to a channel, in each service's documented shape. Most events are one
/// request; a test to PagerDuty or Opsgenie opens an alert and closes it again, so the test leaves nothing open.
/// </summary>
public static class ChannelRequests
{
    private const string Json = "application/json";

    public static IReadOnlyList<OutgoingRequest> For(ChannelRecord channel, AlertEvent alert)
    {
        var endpoint = channel.Endpoint ?? throw new InvalidOperationException($"The {channel} has no URL.");
        return channel.Kind switch
        {
            ChannelKinds.PagerDuty => alert.Kind == AlertKinds.Test
                ? [PagerDuty(endpoint, channel, alert, "trigger"), PagerDuty(endpoint, channel, alert, "resolve")]
                : [PagerDuty(endpoint, channel, alert, alert.Kind == AlertKinds.Resolved ? "resolve" : "trigger")],
            ChannelKinds.Opsgenie => alert.Kind == AlertKinds.Test
                ? [OpsgenieCreate(endpoint, channel, alert), OpsgenieCloseRequest(endpoint, channel, alert)]
                : [alert.Kind == AlertKinds.Resolved ? OpsgenieCloseRequest(endpoint, channel, alert) : OpsgenieCreate(endpoint, channel, alert)],
            ChannelKinds.Discord => [Post(endpoint, JsonSerializer.SerializeToUtf8Bytes(
                new DiscordMessage(Cut(WebhookBody.Line(alert), 2000), new DiscordAllowedMentions([])), WebhookJsonContext.Default.DiscordMessage))],
            ChannelKinds.Ntfy => [Ntfy(endpoint, channel, alert)],
            _ => [Post(endpoint, WebhookBody.Of(alert, channel.Kind))],
        };
    }

    private static OutgoingRequest PagerDuty(Uri endpoint, ChannelRecord channel, AlertEvent alert, string action)
    {
        var payload = action == "resolve" ? null : new PagerDutyPayload(
            Cut(WebhookBody.Title(alert), 1024),
            alert.HostId,
            alert.Kind == AlertKinds.Test ? "info" : alert.Severity == Severity.Critical ? "critical" : "warning",
            Timestamp(alert.RaisedAt),
            alert.Metric,
            alert.RuleId ?? "infrafunctions",
            alert.RuleName ?? alert.Metric,
            Details(alert));
        var body = new PagerDutyEvent(channel.RoutingKey ?? string.Empty, action, alert.AlertId, payload);
        return Post(endpoint, JsonSerializer.SerializeToUtf8Bytes(body, WebhookJsonContext.Default.PagerDutyEvent));
    }

    private static OutgoingRequest OpsgenieCreate(Uri baseUrl, ChannelRecord channel, AlertEvent alert)
    {
        var tags = new List<string> { "infrafunctions", alert.Severity, alert.Kind };
        var body = new OpsgenieAlert(
            Cut(WebhookBody.Title(alert), 130),
            alert.AlertId,
            Cut(WebhookBody.Line(alert), 15000),
            alert.Severity == Severity.Critical && alert.Kind != AlertKinds.Test ? "P1" : "P3",
            "InfraFunctions",
            tags,
            Details(alert));
        return Post(new Uri(Base(baseUrl) + "/v2/alerts"), JsonSerializer.SerializeToUtf8Bytes(body, WebhookJsonContext.Default.OpsgenieAlert), GenieKey(channel));
    }

    private static OutgoingRequest OpsgenieCloseRequest(Uri baseUrl, ChannelRecord channel, AlertEvent alert)
    {
        var url = new Uri($"{Base(baseUrl)}/v2/alerts/{Uri.EscapeDataString(alert.AlertId)}/close?identifierType=alias");
        var body = new OpsgenieClose("InfraFunctions", Cut(alert.Kind == AlertKinds.Test ? "Test finished." : WebhookBody.Line(alert), 25000));
        return Post(url, JsonSerializer.SerializeToUtf8Bytes(body, WebhookJsonContext.Default.OpsgenieClose), GenieKey(channel));
    }

    private static OutgoingRequest Ntfy(Uri topic, ChannelRecord channel, AlertEvent alert)
    {
        var (priority, tag) = alert.Kind switch
        {
            AlertKinds.Resolved => ("default", "white_check_mark"),
            AlertKinds.Test => ("default", "test_tube"),
            _ when alert.Severity == Severity.Critical => ("urgent", "rotating_light"),
            _ => ("high", "warning"),
        };
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Title", HeaderText(WebhookBody.Title(alert))),
            new("Priority", priority),
            new("Tags", $"{tag},infrafunctions"),
        };
        if (channel.ApiKey is { Length: > 0 } token)
        {
            headers.Add(new("Authorization", "Bearer " + token));
        }

        return new OutgoingRequest(HttpMethod.Post, topic, System.Text.Encoding.UTF8.GetBytes(WebhookBody.Details(alert)), "text/plain", headers);
    }

    private static OutgoingRequest Post(Uri url, byte[] body, params KeyValuePair<string, string>[] headers) =>
        new(HttpMethod.Post, url, body, Json, headers);

    private static KeyValuePair<string, string> GenieKey(ChannelRecord channel) => new("Authorization", "GenieKey " + channel.ApiKey);

    private static string Base(Uri url) => url.AbsoluteUri.TrimEnd('/');

    private static Dictionary<string, string> Details(AlertEvent a)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alert_id"] = a.AlertId,
            ["kind"] = a.Kind,
            ["host_id"] = a.HostId,
            ["metric"] = a.Metric,
            ["severity"] = a.Severity,
            ["value"] = a.Value.ToString("0.###", CultureInfo.InvariantCulture),
            ["threshold"] = a.Threshold.ToString("0.###", CultureInfo.InvariantCulture),
            ["message"] = a.Message,
            ["raised_at"] = Timestamp(a.RaisedAt),
        };
        if (a.ResolvedAt is { } resolved)
        {
            details["resolved_at"] = Timestamp(resolved);
        }

        if (a.RuleId is { } ruleId)
        {
            details["rule_id"] = ruleId;
            details["rule_name"] = a.RuleName ?? ruleId;
        }

        return details;
    }

    private static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    // Header values are ASCII on the wire; ntfy decodes RFC 2047 encoded words for anything else.
    private static string HeaderText(string text) =>
        text.All(c => c is >= ' ' and <= '~') ? text : $"=?UTF-8?B?{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))}?=";
}
