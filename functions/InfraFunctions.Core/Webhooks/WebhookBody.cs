using InfraFunctions.Core.Alerts;

namespace InfraFunctions.Core.Webhooks;

public static class WebhookBody
{
    public static byte[] Of(AlertEvent alert, WebhookFormat format) => format switch
    {
        WebhookFormat.Slack => JsonSerializer.SerializeToUtf8Bytes(new SlackMessage(Line(alert)), WebhookJsonContext.Default.SlackMessage),
        WebhookFormat.Teams => JsonSerializer.SerializeToUtf8Bytes(
            new TeamsMessageCard("MessageCard", "https://schema.org/extensions", Title(alert), Color(alert), Title(alert), Details(alert)),
            WebhookJsonContext.Default.TeamsMessageCard),
        _ => JsonSerializer.SerializeToUtf8Bytes(alert, WebhookJsonContext.Default.AlertEvent),
    };

    public static string Title(AlertEvent a) =>
        $"[{(a.Kind == AlertKinds.Resolved ? "RESOLVED" : a.Severity.ToUpperInvariant())}] {a.HostId}: {a.Message}";

    private static string Line(AlertEvent a) => $"{Title(a)} ({Details(a)})";

    private static string Details(AlertEvent a) => string.Create(CultureInfo.InvariantCulture,
        $"metric {a.Metric}, value {a.Value:0.0}, threshold {a.Threshold:0.0}, raised {a.RaisedAt:yyyy-MM-dd HH:mm:ss}Z{(a.ResolvedAt is { } r ? $", resolved {r:yyyy-MM-dd HH:mm:ss}Z" : string.Empty)}, alert {a.AlertId}");

    private static string Color(AlertEvent a) =>
        a.Kind == AlertKinds.Resolved ? "2EB67D" : a.Severity == Severity.Critical ? "E01E5A" : "ECB22E";
}
